using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Leads;

/// <summary>
/// How much each signal counts (0–100 each; each score is the weighted share of its signals, so 0–100), and the
/// day thresholds for deal risk. Stored as JSON in settings under <see cref="SettingKey"/>; defaults when absent.
/// </summary>
public sealed record LeadScoreWeights(
    int FleetSize = 30, int Icp = 20, int GoogleRating = 15, int DecisionMaker = 35,
    int Replies = 35, int ConnectedCalls = 25, int Bookings = 25, int Recency = 15,
    int FleetSizeFull = 50, int MediumRiskDays = 7, int HighRiskDays = 21)
{
    public const string SettingKey = "leadScore.weights";

    public static LeadScoreWeights Default { get; } = new();

    public void Validate()
    {
        var check = new Validation();
        foreach (var (field, value) in new[] { ("fleetSize", FleetSize), ("icp", Icp), ("googleRating", GoogleRating), ("decisionMaker", DecisionMaker),
                     ("replies", Replies), ("connectedCalls", ConnectedCalls), ("bookings", Bookings), ("recency", Recency) })
            check.Check(value is >= 0 and <= 100, field, "A weight must be between 0 and 100.");
        check.Check(FleetSize + Icp + GoogleRating + DecisionMaker > 0, "fleetSize", "At least one quality weight must be above 0.");
        check.Check(Replies + ConnectedCalls + Bookings + Recency > 0, "replies", "At least one engagement weight must be above 0.");
        check.Check(FleetSizeFull is >= 1 and <= 10_000, "fleetSizeFull", "Full-marks fleet size must be between 1 and 10,000 vehicles.");
        check.Check(MediumRiskDays is >= 1 and <= 365, "mediumRiskDays", "Medium-risk days must be between 1 and 365.");
        check.Check(HighRiskDays > MediumRiskDays && HighRiskDays <= 730, "highRiskDays", "High-risk days must be more than medium-risk days (and at most 730).");
        check.ThrowIfAny();
    }
}

/// <summary>What the score is computed from, gathered set-wise by <see cref="LeadScoreService"/>.</summary>
public sealed record LeadScoreInputs(
    LeadStage Stage, int? FleetSize, bool HasIcpTag, decimal? GoogleRating, bool HasDecisionMaker,
    int Replies, int ConnectedCalls, int Bookings, DateTime? LastInteractionAt);

public sealed record LeadScoreResult(int Quality, int Engagement, DealRisk Risk, DateTime? LastInteractionAt, int? DaysSinceContact);

/// <summary>The lead score as a pure function of its inputs, the weights and the time.</summary>
public static class LeadScoring
{
    /// <summary>Replies and connected calls reach full marks at this many; one booking is full marks.</summary>
    const int FullReplies = 3, FullConnects = 3;

    /// <summary>Recency is full within this many days and fades to nothing at the high-risk threshold.</summary>
    const int FreshDays = 2;

    public static LeadScoreResult Score(LeadScoreInputs x, LeadScoreWeights w, DateTime nowUtc)
    {
        int? days = x.LastInteractionAt is { } last ? Math.Max(0, (int)(nowUtc - last).TotalDays) : null;

        var quality = Weighted(
            (w.FleetSize, Math.Clamp((x.FleetSize ?? 0) / (double)w.FleetSizeFull, 0, 1)),
            (w.Icp, x.HasIcpTag ? 1 : 0),
            (w.GoogleRating, Math.Clamp((double)(x.GoogleRating ?? 0) / 5, 0, 1)),
            (w.DecisionMaker, x.HasDecisionMaker ? 1 : 0));

        var recency = days is not { } d ? 0
            : d <= FreshDays ? 1
            : Math.Clamp(1 - (d - FreshDays) / (double)Math.Max(1, w.HighRiskDays - FreshDays), 0, 1);
        var engagement = Weighted(
            (w.Replies, Math.Min(x.Replies, FullReplies) / (double)FullReplies),
            (w.ConnectedCalls, Math.Min(x.ConnectedCalls, FullConnects) / (double)FullConnects),
            (w.Bookings, x.Bookings > 0 ? 1 : 0),
            (w.Recency, recency));

        return new LeadScoreResult(quality, engagement, Risk(x, w, days, engagement), x.LastInteractionAt, days);
    }

    /// <summary>
    /// Risk is about open deals going cold: closed leads (won, lost, bogus) and leads never contacted are UNKNOWN;
    /// silence past the high-risk threshold is HIGH; recent contact with some engagement is LOW; otherwise MEDIUM.
    /// </summary>
    static DealRisk Risk(LeadScoreInputs x, LeadScoreWeights w, int? days, int engagement)
    {
        if (x.Stage is LeadStage.WON or LeadStage.LOST or LeadStage.BOGUS || days is not { } d) return DealRisk.UNKNOWN;
        if (d >= w.HighRiskDays) return DealRisk.HIGH;
        if (d <= w.MediumRiskDays && (x.Replies > 0 || x.ConnectedCalls > 0 || x.Bookings > 0)) return DealRisk.LOW;
        return engagement >= 50 && d <= w.MediumRiskDays ? DealRisk.LOW : DealRisk.MEDIUM;
    }

    static int Weighted(params (int Weight, double Value)[] parts)
    {
        var total = parts.Sum(p => p.Weight);
        return total == 0 ? 0 : (int)Math.Round(100 * parts.Sum(p => p.Weight * p.Value) / total);
    }
}
