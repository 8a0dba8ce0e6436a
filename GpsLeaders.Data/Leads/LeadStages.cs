namespace GpsLeaders.Data.Leads;

/// <summary>
/// The pipeline's stage rules (product.md §2): WON stamps wonAt; LOST needs a reason and stamps lostAt; leaving
/// WON or LOST clears what they set; WON, LOST and BOGUS end the lead's running sequences.
/// </summary>
public static class LeadStages
{
    public static readonly LeadStage[] Board = Enum.GetValues<LeadStage>();

    public static bool IsClosed(LeadStage stage) => stage is LeadStage.WON or LeadStage.LOST or LeadStage.BOGUS;

    /// <summary>The closed stages as a list, for queries (<see cref="IsClosed"/> does not translate to SQL).</summary>
    public static readonly LeadStage[] Closed = [LeadStage.WON, LeadStage.LOST, LeadStage.BOGUS];

    public static string Label(LeadStage stage) => stage switch
    {
        LeadStage.NEW_LEAD => "New lead",
        LeadStage.HOT => "Hot",
        LeadStage.QUALIFIED => "Qualified",
        LeadStage.QUOTED => "Quoted",
        LeadStage.BUY_PERIOD_30 => "Buying in 30 days",
        LeadStage.BUY_PERIOD_60 => "Buying in 60 days",
        LeadStage.BUY_PERIOD_90 => "Buying in 90 days",
        LeadStage.WON => "Won",
        LeadStage.LOST => "Lost",
        LeadStage.BOGUS => "Bogus",
        _ => stage.ToString(),
    };

    /// <summary>Days without activity after which an open lead in a stage is rotting (a setting overrides these).</summary>
    public static readonly IReadOnlyDictionary<LeadStage, int> DefaultRottingDays = new Dictionary<LeadStage, int>
    {
        [LeadStage.NEW_LEAD] = 3, [LeadStage.HOT] = 2, [LeadStage.QUALIFIED] = 5, [LeadStage.QUOTED] = 4,
        [LeadStage.BUY_PERIOD_30] = 7, [LeadStage.BUY_PERIOD_60] = 14, [LeadStage.BUY_PERIOD_90] = 21,
    };

    public const int MaxLostReasonLength = 500;

    /// <summary>Moves <paramref name="lead"/> to <paramref name="to"/> under the rules, or says which field is wrong.</summary>
    public static void Apply(Lead lead, LeadStage to, string? lostReason, DateTime now, Platform.Validation check)
    {
        var reason = string.IsNullOrWhiteSpace(lostReason) ? null : lostReason.Trim();
        if (to == LeadStage.LOST && reason is null) check.Add("lostReason", "Say why the lead was lost: a lost reason is required.");
        if (reason is { Length: > MaxLostReasonLength }) check.Add("lostReason", $"A lost reason has at most {MaxLostReasonLength} characters.");
        if (check.HasErrors) return;
        if (to != LeadStage.WON) lead.WonAt = null;
        if (to != LeadStage.LOST) (lead.LostAt, lead.LostReason) = (null, null);
        if (to == LeadStage.WON && lead.Stage != LeadStage.WON) lead.WonAt = now;
        if (to == LeadStage.LOST)
        {
            if (lead.Stage != LeadStage.LOST) lead.LostAt = now;
            lead.LostReason = reason;
        }
        lead.Stage = to;
    }
}
