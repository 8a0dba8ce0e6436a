using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;

namespace GpsLeaders.Data.Seeding;

/// <summary>One bulk company, re-derived from its index in every pass (nothing is kept between passes).</summary>
internal readonly record struct BulkCompany(
    long Index, string Name, string Slug, Industry Industry, City City, int FleetSize, DateTime CreatedAt,
    string Source, int RepSlot, string FirstLeadStage, int ContactCount, int LeadCount, long FirstContact, long FirstLead);

internal readonly record struct BulkLead(
    long Index, long ContactIndex, string Stage, bool IsDnc, int Units, DateTime CreatedAt, string? TagSlug);

internal readonly record struct BulkContact(
    long Index, string? FirstName, string? LastName, string? Title, string E164, string TimeZone, string? Email);

/// <summary>
/// The deterministic shape of a bulk data set: company i has 1 + i%2 contacts (1.5 on average) and 1 + [i%5==0]
/// leads (1.2 on average), so the first contact / lead index of company i is a closed formula.
/// </summary>
internal sealed class BulkModel(ulong seed, string runTag, DateTime now)
{
    public const int ActivitiesPerCompany = 10;

    private static readonly (string Stage, int Weight)[] StageWeights =
    [
        ("NEW_LEAD", 35), ("HOT", 8), ("QUALIFIED", 10), ("QUOTED", 7), ("BUY_PERIOD_30", 4), ("BUY_PERIOD_60", 3),
        ("BUY_PERIOD_90", 3), ("WON", 10), ("LOST", 15), ("BOGUS", 5),
    ];

    public DateTime Now { get; } = now;
    public string RunTag { get; } = runTag;

    public static int ContactCount(long company) => 1 + (int)(company % 2);
    public static int LeadCount(long company) => company % 5 == 0 ? 2 : 1;
    public static long FirstContact(long company) => company + company / 2;
    public static long FirstLead(long company) => company + (company + 4) / 5;
    public static long ContactTotal(long companies) => FirstContact(companies);
    public static long LeadTotal(long companies) => FirstLead(companies);

    public BulkCompany Company(long i)
    {
        var r = FastRandom.For(seed, i, 1);
        var industry = r.Pick(SeedCatalog.Industries);
        var city = r.Pick(SeedCatalog.Cities);
        var core = r.Chance(0.5) ? r.Pick(SeedCatalog.LastNames) : r.Pick(SeedCatalog.NamePrefixes);
        var name = $"{core} {r.Pick(industry.NameWords)}";
        var suffix = r.Pick(SeedCatalog.LegalSuffixes);
        var slug = string.Concat(CompanyName.Normalize(name).Split(' ').Where(w => w != "and"));
        var fleet = industry.MinFleet + (int)((industry.MaxFleet - industry.MinFleet) * Math.Pow(r.NextDouble(), 2));
        var created = Now.AddMinutes(-r.Next(2 * 365 * 24 * 60));
        return new BulkCompany(i, suffix.Length == 0 ? name : $"{name} {suffix}", slug, industry, city, fleet, created,
            r.Pick(SeedCatalog.Sources), r.Next(1 << 20), LeadStage(FirstLead(i)), ContactCount(i), LeadCount(i), FirstContact(i), FirstLead(i));
    }

    public BulkContact Contact(in BulkCompany company, int ordinal)
    {
        var index = company.FirstContact + ordinal;
        var r = FastRandom.For(seed, index, 2);
        var e164 = Phone(ref r, company.City);
        var zone = UsPhoneNumbers.TimeZoneOf(e164)!;
        // Google Maps rows often have only the business line: the first contact of one company in six is nameless.
        if (ordinal == 0 && r.Next(6) == 0) return new BulkContact(index, null, null, null, e164, zone, null);
        var first = r.Pick(SeedCatalog.FirstNames);
        var last = r.Pick(SeedCatalog.LastNames);
        // Plus-addressing with the run tag and row index keeps email_normalized unique across repeated runs.
        var email = r.Chance(0.8) ? $"{first}.{last}+{RunTag}{index}@{company.Slug}.com".ToLowerInvariant() : null;
        return new BulkContact(index, first, last, r.Pick(SeedCatalog.Titles), e164, zone, email);
    }

    public FastRandom Random(long index, ulong stream) => FastRandom.For(seed, index, stream);

    public string FirstName(ref FastRandom r) => r.Pick(SeedCatalog.FirstNames);
    public string LastName(ref FastRandom r) => r.Pick(SeedCatalog.LastNames);

    /// <summary>A number in one of the city's area codes, drawn from <paramref name="r"/>.</summary>
    public static string Phone(ref FastRandom r, City city)
    {
        int exchange;
        do exchange = r.Next(200, 1000);
        while (!UsPhoneNumbers.IsAssignableExchange(exchange));
        return $"+1{r.Pick(city.AreaCodes)}{exchange:D3}{r.Next(10_000):D4}";
    }

    public BulkLead Lead(in BulkCompany company, int ordinal)
    {
        var index = company.FirstLead + ordinal;
        var r = FastRandom.For(seed, index, 5);
        var stage = LeadStage(index);
        var dnc = r.Next(50) == 0;
        var units = Math.Max(1, (int)(company.FleetSize * (0.5 + r.NextDouble() / 2)));
        var created = company.CreatedAt.AddDays(ordinal * 30 + r.Next(3));
        if (created > Now) created = Now;
        string? tag = dnc ? "dnc" : !r.Chance(0.5) ? null : stage switch
        {
            "HOT" or "QUALIFIED" => r.Chance(0.5) ? "demo-booked" : "interested",
            "QUOTED" => "quote-sent",
            "LOST" => r.Chance(0.5) ? "not-interested" : "price-objection",
            "BOGUS" => "wrong-number",
            "WON" => "interested",
            _ => r.Pick(NewLeadTags),
        };
        return new BulkLead(index, company.FirstContact + Math.Min(ordinal, company.ContactCount - 1), stage, dnc, units, created, tag);
    }

    private static readonly string[] NewLeadTags = ["call-back", "voicemail", "no-answer", "has-gps-provider"];

    public string LeadStage(long leadIndex)
    {
        var r = FastRandom.For(seed, leadIndex, 3);
        var roll = r.Next(100);
        foreach (var (stage, weight) in StageWeights)
        {
            if (roll < weight) return stage;
            roll -= weight;
        }
        return "NEW_LEAD";
    }

    public static string CompanyStatus(in BulkCompany c) => c.FirstLeadStage switch
    {
        "WON" => "CUSTOMER",
        "BOGUS" => "DEAD",
        "LOST" => c.Index % 2 == 0 ? "DEAD" : "LEAD",
        _ => (c.Index % 97) switch { 0 => "PARTNER", 1 => "CONTACT", 2 => "INACTIVE", _ => "LEAD" },
    };
}
