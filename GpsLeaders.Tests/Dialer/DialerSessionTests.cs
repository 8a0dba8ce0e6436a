using GpsLeaders.Data.Tags;
using GpsLeaders.Data;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Dialer;

/// <summary>Working a call list through the service: skipping rules, leases between reps, Save &amp; Next, resuming.</summary>
public class DialerSessionTests : IAsyncLifetime
{
    readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    Services _services = default!;
    string _rep1 = "", _rep2 = "";

    public async Task InitializeAsync()
    {
        _services = new Services(await TestDatabases.CreateWithDemoDataAsync(), _clock);
        _clock.Now = DateTimeOffset.UtcNow; // after the demo template was seeded
        await using var db = _services.Db();
        await DialerTestData.OpenAllDayAsync(db);
        _rep1 = await DialerTestData.UserIdAsync(db, "rep1@gpsleaders.test");
        _rep2 = await DialerTestData.UserIdAsync(db, "rep2@gpsleaders.test");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    DialerSession Session => _services.Get<DialerSession>();

    [Fact]
    public async Task Dnc_no_phone_wrong_number_and_recently_called_leads_are_skipped_with_their_reason()
    {
        await using var db = _services.Db();
        var ids = await DialerTestData.CallableLeadsAsync(db, 6);
        var leads = await db.Leads.Include(l => l.Contact).Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id);
        leads[ids[0]].IsDnc = true;
        (leads[ids[1]].Contact.Phone, leads[ids[1]].Contact.PhoneE164) = (null, null);
        db.CallLogs.Add(new CallLog { LeadId = ids[2], ContactId = leads[ids[2]].ContactId, Outcome = CallOutcome.NO_ANSWER, CreatedAt = _clock.GetUtcNow().UtcDateTime.AddMinutes(-20) });
        await db.SaveChangesAsync();
        var list = await DialerTestData.CreateListAsync(db, ids);

        // The fourth lead gets a wrong-number call; the list walks past it afterwards.
        var first = await Session.ResumeAsync(list.Id, _rep1);
        Assert.Equal(3, first.Index);
        Assert.Equal([SkipReason.Dnc, SkipReason.NoPhone, SkipReason.CalledRecently], first.Skipped.Select(s => s.Reason));
        var (_, next) = await Session.SaveAndNextAsync(list.Id, _rep1, ids[3], 3, new DialerCall(CallOutcome.WRONG_NUMBER));
        Assert.Equal(ids[4], next.Lead!.LeadId);

        await using var check = _services.Db();
        var contact = await check.Contacts.SingleAsync(c => c.Id == leads[ids[3]].ContactId);
        Assert.False(contact.IsSmsEligible);
        Assert.Null(contact.PhoneVerifiedAt);
        Assert.True(await check.Activities.AnyAsync(a => a.ActivityType == WrongNumber.ActivityType && a.ContactId == contact.Id));

        // Back on the list much later (nothing recent any more): the flagged number is still skipped, for that reason.
        _clock.Advance(TimeSpan.FromHours(3));
        await check.Database.ExecuteSqlRawAsync("DELETE FROM settings WHERE key LIKE 'dialer.%' AND key <> 'dialer.callingHours'");
        var again = await Session.NextAsync(list.Id, _rep1, 2);
        Assert.Equal(ids[2], again.Lead!.LeadId); // its call is three hours old now
        var later = await Session.SaveAndNextAsync(list.Id, _rep1, ids[2], 2, new DialerCall(CallOutcome.BUSY));
        Assert.Equal([(ids[3], SkipReason.WrongNumber)], later.Next.Skipped.Select(s => (s.LeadId, s.Reason)));
        Assert.Equal(ids[4], later.Next.Lead!.LeadId);
    }

    [Fact]
    public async Task Leads_outside_calling_hours_wait_on_the_list_and_come_back_when_the_window_opens_or_is_widened()
    {
        await using var db = _services.Db();
        var ids = await DialerTestData.CallableLeadsAsync(db, 3);
        var list = await DialerTestData.CreateListAsync(db, ids);
        var opens = await DialerTestData.CloseHoursForChicagoAsync(db, ids, _clock.GetUtcNow().UtcDateTime);

        // Every lead is outside the window: the end, with all three waiting and the time the window opens in Chicago.
        var end = await Session.ResumeAsync(list.Id, _rep1);
        Assert.True(end.EndOfList);
        Assert.Equal(3, end.Waiting);
        Assert.All(end.Skipped, s => Assert.Equal(SkipReason.OutsideCallingHours, s.Reason));
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var next = end.NextCallableAtUtc!.Value;
        Assert.Equal(new TimeOnly(opens, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(next, chicago)));
        Assert.InRange(next - _clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(60), TimeSpan.FromHours(26));

        // Coming back before then changes nothing; once the window opens the same list offers them again, from the first.
        Assert.Equal(3, (await Session.ResumeAsync(list.Id, _rep1)).Waiting);
        _clock.Now = new DateTimeOffset(next.AddMinutes(1), TimeSpan.Zero);
        var back = await Session.ResumeAsync(list.Id, _rep1);
        Assert.Equal((ids[0], 0), (back.Lead!.LeadId, back.Index));
        // Called now, it is done; the two still waiting come next, and then the list has really ended.
        var (_, second) = await Session.SaveAndNextAsync(list.Id, _rep1, ids[0], back.Index, new DialerCall(CallOutcome.NO_ANSWER));
        Assert.Equal((ids[1], 1), (second.Lead!.LeadId, second.Index));
        var third = await Session.SkipAsync(list.Id, _rep1, ids[1], second.Index);
        Assert.Equal(ids[2], third.Lead!.LeadId);
        var done = await Session.SkipAsync(list.Id, _rep1, ids[2], third.Index);
        Assert.True(done.EndOfList);
        Assert.Equal(0, done.Waiting);

        // Another rep meets the closed window too; an admin widens the hours and the same list offers the leads at once.
        var other = await Session.RestartAsync(list.Id, _rep2, null);
        Assert.Equal(ids[1], other.Lead!.LeadId); // ids[0] was called a minute ago
        await DialerTestData.CloseHoursForChicagoAsync(db, ids, _clock.GetUtcNow().UtcDateTime);
        await LeadLeaseRelease(ids[1], _rep2);
        var shut = await Session.RestartAsync(list.Id, _rep2, null);
        Assert.Equal(3, shut.Waiting);
        await DialerTestData.SetHoursAsync(db, "00:00", "24:00");
        var open = await Session.ResumeAsync(list.Id, _rep2);
        Assert.Equal(ids[1], open.Lead!.LeadId); // ids[0] still waits for its recent call to age

        // Restart from the top walks the list again from its first lead.
        _clock.Advance(TimeSpan.FromHours(2));
        var top = await Session.RestartAsync(list.Id, _rep2, open.Lead.LeadId);
        Assert.Equal((ids[0], 0), (top.Lead!.LeadId, top.Index));
    }

    Task LeadLeaseRelease(string leadId, string userId) => _services.Get<LeadLease>().ReleaseAsync(leadId, userId);

    [Fact]
    public async Task Outside_calling_hours_on_the_contacts_clock_is_skipped()
    {
        await using var db = _services.Db();
        var ids = await DialerTestData.CallableLeadsAsync(db, 2);
        var contacts = await db.Leads.Where(l => ids.Contains(l.Id)).Select(l => l.Contact).ToListAsync();
        // Noon UTC: 08:00 in New York (EDT) or 07:00 (EST), 02:00 in Honolulu. The window 07:00-10:00 holds New York only.
        _clock.Now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        contacts.Single(c => c.Id == db.Leads.Single(l => l.Id == ids[0]).ContactId).Timezone = "Pacific/Honolulu";
        contacts.Single(c => c.Id == db.Leads.Single(l => l.Id == ids[1]).ContactId).Timezone = "America/New_York";
        await db.SaveChangesAsync();
        await _services.Get<DialerSettings>().SaveAsync("07:00", "10:00", 60, _rep1);
        var list = await DialerTestData.CreateListAsync(db, ids);

        var step = await Session.ResumeAsync(list.Id, _rep1);
        Assert.Equal(ids[1], step.Lead!.LeadId);
        Assert.Equal([SkipReason.OutsideCallingHours], step.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public async Task Two_reps_on_one_list_never_hold_the_same_lead()
    {
        await using var db = _services.Db();
        var ids = await DialerTestData.CallableLeadsAsync(db, 4);
        var list = await DialerTestData.CreateListAsync(db, ids);

        var one = await Session.ResumeAsync(list.Id, _rep1);
        var two = await Session.ResumeAsync(list.Id, _rep2);
        Assert.Equal(ids[0], one.Lead!.LeadId);
        Assert.Equal(ids[1], two.Lead!.LeadId);
        Assert.Equal([SkipReason.LeasedByAnotherRep], two.Skipped.Select(s => s.Reason));

        var (_, oneNext) = await Session.SaveAndNextAsync(list.Id, _rep1, ids[0], one.Index, new DialerCall(CallOutcome.NO_ANSWER));
        Assert.Equal(ids[2], oneNext.Lead!.LeadId);

        // Rep 2 walks away: after the lease runs out rep 1 may take that lead (it was never called).
        _clock.Advance(LeadLease.Duration + TimeSpan.FromSeconds(1));
        var back = await Session.NextAsync(list.Id, _rep1, 1);
        Assert.Equal(ids[1], back.Lead!.LeadId);
    }

    [Fact]
    public async Task Save_and_next_writes_the_call_tag_note_callback_stage_and_score_together_and_resume_finds_the_next_lead()
    {
        await using var db = _services.Db();
        var ids = await DialerTestData.CallableLeadsAsync(db, 3);
        var list = await DialerTestData.CreateListAsync(db, ids);
        var drop = await db.VoicemailDrops.SingleAsync(d => d.IsDefault);
        var tag = await db.Tags.Where(t => t.Category == TagCategory.DISPOSITION && t.IsActive).OrderBy(t => t.SortOrder).FirstAsync();
        var callback = _clock.GetUtcNow().UtcDateTime.AddDays(1);

        var step = await Session.ResumeAsync(list.Id, _rep1);
        var (call, next) = await Session.SaveAndNextAsync(list.Id, _rep1, ids[0], step.Index, new DialerCall(CallOutcome.VOICEMAIL, 25, drop.Id, tag.Name,
            "Left the intro voicemail.", callback, LeadStage.HOT));
        Assert.Equal(ids[1], next.Lead!.LeadId);

        await using var check = _services.Db();
        var log = await check.CallLogs.SingleAsync(c => c.Id == call.Id);
        Assert.True(log.VoicemailDropped);
        Assert.Equal("dialer", log.Provider);
        var logged = await check.Activities.Where(a => a.ActivityType == "call.logged" && a.LeadId == ids[0] && a.UserId == _rep1)
            .OrderByDescending(a => a.OccurredAt).FirstAsync();
        Assert.Contains(drop.Id, logged.Detail);
        Assert.True(await check.Conversations.AnyAsync(c => c.LeadId == ids[0] && c.Channel == ConversationChannel.CALL && c.LastMessagePreview!.Contains("voicemail")));
        Assert.True(await check.LeadTags.AnyAsync(t => t.LeadId == ids[0] && t.TagSlug == tag.Slug && t.RemovedAt == null));
        Assert.True(await check.Notes.AnyAsync(n => n.LeadId == ids[0] && n.Body == "Left the intro voicemail."));
        var task = await check.Tasks.Where(t => t.LeadId == ids[0] && t.TaskType == TaskType.CALL && !t.IsCompleted && t.AssignedToId == _rep1)
            .OrderByDescending(t => t.CreatedAt).FirstAsync();
        Assert.StartsWith("Call back", task.Title);
        Assert.True(Math.Abs((task.DueAt!.Value - callback).TotalSeconds) < 1);
        Assert.Equal(LeadStage.HOT, (await check.Leads.SingleAsync(l => l.Id == ids[0])).Stage);
        var score = await check.LeadScores.SingleAsync(s => s.LeadId == ids[0]);
        Assert.Equal(0, score.DaysSinceContact);
        Assert.True(score.LastInteractionAt >= _clock.GetUtcNow().UtcDateTime.AddSeconds(-1));
        Assert.False(await check.Settings.AnyAsync(s => s.Key == LeadLease.Key(ids[0])));

        var stats = await _services.Get<DialerStats>().SessionAsync(_rep1, _clock.GetUtcNow().UtcDateTime.AddMilliseconds(-5));
        Assert.Equal((1, 0), (stats.Calls, stats.Connects));

        // The rep stops here and comes back: the second lead again, from their own saved place.
        var resumed = await Session.ResumeAsync(list.Id, _rep1);
        Assert.Equal((1, ids[1]), (resumed.Index, resumed.Lead!.LeadId));
        Assert.Equal(1, (await check.CallLists.SingleAsync(l => l.Id == list.Id)).Position);
    }

    [Fact]
    public async Task A_refused_save_writes_nothing()
    {
        await using var db = _services.Db();
        var ids = await DialerTestData.CallableLeadsAsync(db, 2);
        var list = await DialerTestData.CreateListAsync(db, ids);
        var step = await Session.ResumeAsync(list.Id, _rep1);
        var calls = await db.CallLogs.CountAsync(c => c.LeadId == ids[0]);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Session.SaveAndNextAsync(list.Id, _rep1, ids[0], step.Index,
            new DialerCall(CallOutcome.CONNECTED, 60, DispositionTag: "no-such-tag", Stage: LeadStage.LOST)));
        Assert.Contains("dispositionTag", ex.Errors.Keys);
        Assert.Contains("lostReason", ex.Errors.Keys);
        Assert.Equal(calls, await db.CallLogs.CountAsync(c => c.LeadId == ids[0]));
    }
}
