using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Inbox;

namespace GpsLeaders.Tests.Dialer;

public class LeaderboardTests
{
    [Fact]
    public async Task Calls_connects_and_talk_time_per_rep_since_the_start_of_the_period()
    {
        var w = await DialerWorld.CreateAsync();
        var calls = w.Services.Get<CallLogging>();
        var since = w.Clock.Now.UtcDateTime.AddHours(-1);
        w.Clock.Advance(TimeSpan.FromHours(-2)); // before the period: not counted
        await calls.LogAsync(w.Lead["tx-hot"], new CallInput(MessageDirection.OUTBOUND, CallOutcome.CONNECTED, 600, null), w.Rep2);
        w.Clock.Advance(TimeSpan.FromHours(2));
        await calls.LogAsync(w.Lead["tx-hot"], new CallInput(MessageDirection.OUTBOUND, CallOutcome.CONNECTED, 125, null), w.Rep1);
        await calls.LogAsync(w.Lead["ca-new"], new CallInput(MessageDirection.OUTBOUND, CallOutcome.VOICEMAIL, 30, null), w.Rep1);
        await calls.LogAsync(w.Lead["ga-never"], new CallInput(MessageDirection.OUTBOUND, CallOutcome.CONNECTED, 60, null), w.Rep1);
        await calls.LogAsync(w.Lead["fl-old-call"], new CallInput(MessageDirection.OUTBOUND, CallOutcome.NO_ANSWER, null, null), w.Rep2);

        var rows = await w.Services.Get<Leaderboard>().SinceAsync(since);

        Assert.Equal(2, rows.Count);
        Assert.Equal((w.Rep1, "Rita Rep", 3, 2, 185L), (rows[0].UserId, rows[0].Name, rows[0].Calls, rows[0].Connects, rows[0].TalkSeconds));
        Assert.Equal(2.0 / 3, rows[0].ConnectRate, 3);
        Assert.Equal((w.Rep2, 1, 0, 0L), (rows[1].UserId, rows[1].Calls, rows[1].Connects, rows[1].TalkSeconds));
        Assert.Empty(await w.Services.Get<Leaderboard>().SinceAsync(w.Clock.Now.UtcDateTime.AddMinutes(1)));
    }
}
