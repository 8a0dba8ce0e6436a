using GpsLeaders.Data.Timeline;
using GpsLeaders.Tests.Seeding;

namespace GpsLeaders.Tests.Timeline;

/// <summary>The demo data's calls and texts (activities that name no row, written at their row's time) show once.</summary>
[Collection(SeedingDatabaseCollection.Name)]
public sealed class DemoTimelineTests(SeedingCluster fixture)
{
    [Fact]
    public async Task A_demo_lead_with_calls_and_texts_shows_each_once_as_its_row()
    {
        var (cs, _) = await fixture.DemoAsync();
        var leadId = await Db.ScalarAsync<string>(cs, """
            SELECT l.id FROM leads l
            WHERE EXISTS (SELECT 1 FROM sms_messages m WHERE m.lead_id = l.id AND m.direction = 'INBOUND')
            ORDER BY (SELECT count(*) FROM call_logs c WHERE c.lead_id = l.id) DESC, l.id LIMIT 1
            """);
        var calls = await Db.ScalarAsync<long>(cs, $"SELECT count(*) FROM call_logs WHERE lead_id = '{leadId}'");
        var texts = await Db.ScalarAsync<long>(cs, $"SELECT count(*) FROM sms_messages WHERE lead_id = '{leadId}'");
        Assert.True(calls > 0 && texts > 1, $"{calls} calls, {texts} texts");

        var timeline = await new Services(cs).Get<Timelines>().PageAsync(new TimelineScope(LeadId: leadId), take: 100);
        Assert.Equal(calls, timeline.Count(e => e.Kind == TimelineKind.Call));
        Assert.Equal(texts, timeline.Count(e => e.Kind == TimelineKind.Sms));
        Assert.DoesNotContain(timeline, e => e.ActivityType is "call.logged" or "sms.sent" or "sms.received");
        Assert.Contains(timeline, e => e.ActivityType == "lead.created");
    }
}
