using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Platform;

/// <summary>
/// Every enum value in the business's words, in one place: screens show <c>New lead</c> and <c>Buying in 30 days</c>,
/// never the stored labels <c>NEW_LEAD</c> / <c>BUY_PERIOD_30</c>. Enums with wording of their own keep it (lead stages
/// and roles); the rest read as a sentence-case phrase with known abbreviations kept upper case.
/// </summary>
public static class EnumLabels
{
    static readonly HashSet<string> Abbreviations = ["SMS", "ICP", "CA", "VOIP", "AI"];

    static readonly Dictionary<string, string> Words = new()
    {
        ["FOLLOW_UP"] = "Follow-up",
        ["ONE_TIME"] = "One-time",
        ["CA_DISTRICT"] = "California district",
        ["OUT_OF_STATE"] = "Out of state",
        ["IN_STOCK"] = "In stock",
        ["NO_ANSWER"] = "No answer",
        ["WRONG_NUMBER"] = "Wrong number",
    };

    public static string Describe(this Enum value) => value switch
    {
        LeadStage stage => LeadStages.Label(stage),
        UserRole role => Roles.Label(role),
        _ => Phrase(value.ToString()),
    };

    /// <summary>The values of an enum with their labels, in declaration order (the order of the PostgreSQL type).</summary>
    public static IReadOnlyList<(T Value, string Label)> Choices<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v, v.Describe())).ToList();

    static string Phrase(string label)
    {
        if (Words.TryGetValue(label, out var word)) return word;
        var parts = label.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select((p, i) => Abbreviations.Contains(p) ? p : i == 0 ? p[..1] + p[1..].ToLowerInvariant() : p.ToLowerInvariant());
        return string.Join(' ', parts);
    }
}
