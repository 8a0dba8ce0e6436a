using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Tags;

public class LeadScoringTests
{
    static readonly DateTime Now = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);

    static LeadScoreInputs Inputs(int? fleet = null, bool icp = false, decimal? rating = null, bool dm = false, int replies = 0, int connects = 0,
        int bookings = 0, double? daysAgo = null, LeadStage stage = LeadStage.QUALIFIED) =>
        new(stage, fleet, icp, rating, dm, replies, connects, bookings, daysAgo is { } d ? Now.AddDays(-d) : null);

    [Fact]
    public void Quality_is_the_weighted_share_of_fleet_icp_rating_and_decision_maker()
    {
        var w = LeadScoreWeights.Default;
        Assert.Equal(0, LeadScoring.Score(Inputs(), w, Now).Quality);
        Assert.Equal(100, LeadScoring.Score(Inputs(fleet: 80, icp: true, rating: 5m, dm: true), w, Now).Quality);
        Assert.Equal(35, LeadScoring.Score(Inputs(dm: true), w, Now).Quality);
        Assert.Equal(15, LeadScoring.Score(Inputs(fleet: 25), w, Now).Quality); // half of full-marks fleet, weight 30 of 100
    }

    [Fact]
    public void Engagement_counts_replies_connects_bookings_and_fades_with_silence()
    {
        var w = LeadScoreWeights.Default;
        Assert.Equal(0, LeadScoring.Score(Inputs(), w, Now).Engagement);
        Assert.Equal(100, LeadScoring.Score(Inputs(replies: 5, connects: 3, bookings: 1, daysAgo: 1), w, Now).Engagement);
        var fresh = LeadScoring.Score(Inputs(replies: 1, daysAgo: 1), w, Now);
        var stale = LeadScoring.Score(Inputs(replies: 1, daysAgo: 15), w, Now);
        Assert.True(fresh.Engagement > stale.Engagement);
        Assert.Equal(15, stale.DaysSinceContact);
    }

    [Fact]
    public void Deal_risk_is_unknown_without_contact_or_when_closed_high_when_silent_low_when_recently_engaged()
    {
        var w = LeadScoreWeights.Default;
        Assert.Equal(DealRisk.UNKNOWN, LeadScoring.Score(Inputs(), w, Now).Risk);
        Assert.Equal(DealRisk.UNKNOWN, LeadScoring.Score(Inputs(daysAgo: 40, stage: LeadStage.WON), w, Now).Risk);
        Assert.Equal(DealRisk.HIGH, LeadScoring.Score(Inputs(connects: 2, daysAgo: 30), w, Now).Risk);
        Assert.Equal(DealRisk.LOW, LeadScoring.Score(Inputs(connects: 1, daysAgo: 2), w, Now).Risk);
        Assert.Equal(DealRisk.MEDIUM, LeadScoring.Score(Inputs(daysAgo: 10), w, Now).Risk);
        Assert.Equal(DealRisk.HIGH, LeadScoring.Score(Inputs(daysAgo: 10), w with { MediumRiskDays = 3, HighRiskDays = 9 }, Now).Risk);
    }

    [Fact]
    public void Weights_are_validated_with_field_names()
    {
        LeadScoreWeights.Default.Validate();
        var bad = Assert.Throws<ValidationFailedException>(() => new LeadScoreWeights(FleetSize: -1, Replies: 0, ConnectedCalls: 0, Bookings: 0, Recency: 0, HighRiskDays: 5).Validate());
        Assert.Contains("fleetSize", bad.Errors.Keys);
        Assert.Contains("replies", bad.Errors.Keys);
        Assert.Contains("highRiskDays", bad.Errors.Keys);
    }
}

public class LeadScoreServiceTests
{
    [Fact]
    public async Task Recompute_scores_every_demo_lead_and_new_weights_change_the_scores()
    {
        var services = new Services(await TestDatabases.CreateWithDemoDataAsync());
        var scores = services.Get<LeadScoreService>();
        var run = await scores.RecomputeAsync();
        await using var db = services.Db();
        var leads = await db.Leads.CountAsync();
        Assert.Equal(leads, run.Leads);
        Assert.Equal(leads, await db.LeadScores.CountAsync());
        Assert.True(await db.LeadScores.AnyAsync(s => s.QualityScore > 0));
        Assert.True(await db.LeadScores.AnyAsync(s => s.EngagementScore > 0));
        Assert.True(await db.LeadScores.AnyAsync(s => s.DealRisk != DealRisk.UNKNOWN));
        Assert.Equal(0, (await scores.RecomputeAsync()).Changed); // nothing moved: nothing rewritten

        var before = await db.LeadScores.AsNoTracking().ToDictionaryAsync(s => s.LeadId, s => s.QualityScore);
        var (weights, version) = await scores.WeightsAsync();
        Assert.Equal(20, weights.Icp); // the demo set's stored weights; signals it does not name keep their defaults
        Assert.Equal(LeadScoreWeights.Default.Recency, weights.Recency);
        var userId = await db.Users.Select(u => u.Id).FirstAsync();
        await scores.SaveWeightsAsync(weights with { FleetSize = 0, Icp = 0, GoogleRating = 0, DecisionMaker = 100 }, version, userId);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => scores.SaveWeightsAsync(weights, version, userId));
        Assert.Throws<ValidationFailedException>(() => (weights with { HighRiskDays = 1 }).Validate());
        Assert.True((await scores.RecomputeAsync()).Changed > 0);
        var after = await db.LeadScores.AsNoTracking().ToDictionaryAsync(s => s.LeadId, s => s.QualityScore);
        Assert.All(after.Values, q => Assert.True(q is 0 or 100));
        Assert.NotEqual(before, after);

        var one = before.Keys.First();
        Assert.Equal(1, (await scores.RecomputeLeadAsync(one)).Leads);
    }
}
