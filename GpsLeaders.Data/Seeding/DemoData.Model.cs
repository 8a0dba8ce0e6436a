namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed class DemoCompany
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required string Slug { get; init; }
        public required Industry Industry { get; init; }
        public required City City { get; init; }
        public required int FleetSize { get; init; }
        public required string Source { get; init; }
        public required DateTime CreatedAt { get; init; }
        public DemoUser? Rep { get; init; }
        public string? Vendor { get; init; }
        public string Status { get; set; } = "LEAD";
        public List<DemoContact> Contacts { get; } = [];
        public List<DemoLead> Leads { get; } = [];
        public List<DemoAddress> Addresses { get; } = [];
    }

    private sealed record DemoAddress(string Id, string Label, string Type, string Line1, string? Line2, bool DefaultBilling, bool DefaultShipping);

    private sealed record DemoContact(
        string Id, string? FirstName, string? LastName, string? Title, string E164, string PhoneType, string TimeZone, string? Email)
    {
        public string DisplayName(DemoCompany company) => FirstName is null ? $"{company.Name} (main line)" : $"{FirstName} {LastName}";
    }

    private sealed class DemoLead
    {
        public required string Id { get; init; }
        public required DemoCompany Company { get; init; }
        public required DemoContact Contact { get; init; }
        public required string Stage { get; init; }
        public required DateTime CreatedAt { get; init; }
        public required int Units { get; init; }
        public DateTime? ClosedAt { get; init; }
        public string? LostReason { get; init; }
        public string? Campaign { get; init; }
        public bool IsDnc { get; set; }
        public List<DemoLeadTag> Tags { get; } = [];

        public bool IsOpen => Stage is not ("WON" or "LOST" or "BOGUS");
        public DateTime End(DateTime now) => ClosedAt ?? now;
    }

    private sealed record DemoLeadTag(string Slug, DateTime AppliedAt, string AppliedBy, DateTime? RemovedAt);

    /// <summary>The stages a lead passed through on its way to <paramref name="stage"/>, starting at NEW_LEAD.</summary>
    /// <summary>A stage as the live app words it in activity summaries.</summary>
    private static string Words(string stage) => GpsLeaders.Data.Leads.LeadStages.Label(Enum.Parse<GpsLeaders.Data.Leads.LeadStage>(stage));

    private static string[] StagePath(string stage) => stage switch
    {
        "NEW_LEAD" => ["NEW_LEAD"],
        "HOT" => ["NEW_LEAD", "HOT"],
        "QUALIFIED" => ["NEW_LEAD", "HOT", "QUALIFIED"],
        "QUOTED" => ["NEW_LEAD", "QUALIFIED", "QUOTED"],
        "BUY_PERIOD_30" or "BUY_PERIOD_60" or "BUY_PERIOD_90" => ["NEW_LEAD", "QUALIFIED", stage],
        "WON" => ["NEW_LEAD", "HOT", "QUALIFIED", "QUOTED", "WON"],
        "LOST" => ["NEW_LEAD", "QUALIFIED", "LOST"],
        _ => ["NEW_LEAD", stage],
    };

    private static readonly string[] AllStages =
        ["NEW_LEAD", "HOT", "QUALIFIED", "QUOTED", "BUY_PERIOD_30", "BUY_PERIOD_60", "BUY_PERIOD_90", "WON", "LOST", "BOGUS"];

    // Probabilities (Bogus's WeightedRandom wants them to sum to 1).
    private static readonly float[] StageWeights = [0.25f, 0.10f, 0.12f, 0.10f, 0.06f, 0.05f, 0.04f, 0.14f, 0.10f, 0.04f];
}
