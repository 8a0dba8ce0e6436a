using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Inbox.Sms;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Timeline;
using GpsLeaders.Tests.Inbox.Email;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Timeline;

/// <summary>
/// A call, a text or an email shows once on a timeline, as its own row, not also as the activity written with it;
/// an activity whose row is gone still shows.
/// </summary>
public class TimelineOnceTests
{
    static async Task<Lead> BrittanyAsync(WorkFixture f) =>
        await f.Services.Get<LeadService>().CreateAsync(new LeadInput(
            NewContact: new ContactInput("Brittany", "Nelson", Phone: "(512) 555-2111", CompanyId: f.Company.Id), CompanyId: f.Company.Id), f.Author.Id);

    static Task<IReadOnlyList<TimelineEntry>> LeadTimelineAsync(WorkFixture f, string leadId) =>
        f.Services.Get<Timelines>().PageAsync(new TimelineScope(LeadId: leadId), take: 100);

    static Task<IReadOnlyList<TimelineEntry>> CompanyTimelineAsync(WorkFixture f) =>
        f.Services.Get<Timelines>().PageAsync(new TimelineScope(CompanyId: f.Company.Id), take: 100);

    [Fact]
    public async Task A_logged_call_shows_once_as_the_call_and_its_activity_comes_back_when_the_call_row_is_gone()
    {
        var f = await WorkFixture.CreateAsync();
        var lead = await BrittanyAsync(f);
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var call = await f.Services.Get<CallLogging>().LogAsync(lead.Id,
            new CallInput(MessageDirection.OUTBOUND, CallOutcome.CONNECTED, 185, "Wants a quote for 12 trucks"), f.Author.Id);

        foreach (var timeline in new[] { await LeadTimelineAsync(f, lead.Id), await CompanyTimelineAsync(f) })
        {
            var shown = Assert.Single(timeline, e => e.Kind == TimelineKind.Call);
            Assert.Equal("Outbound call: connected (185 s)", shown.Title);
            Assert.DoesNotContain(timeline, e => e.ActivityType == "call.logged");
        }

        await using (var db = f.Services.Db())
            await db.CallLogs.Where(c => c.Id == call.Id).ExecuteDeleteAsync();
        var without = await LeadTimelineAsync(f, lead.Id);
        Assert.DoesNotContain(without, e => e.Kind == TimelineKind.Call);
        Assert.Single(without, e => e.ActivityType == "call.logged");
    }

    [Fact]
    public async Task A_call_activity_without_ids_is_hidden_only_by_a_call_of_its_lead_at_its_time()
    {
        var f = await WorkFixture.CreateAsync();
        var lead = await BrittanyAsync(f);
        var at = f.Clock.Now.UtcDateTime.AddMinutes(10);
        await using (var db = f.Services.Db())
        {
            // As the demo data writes them: the activity's detail names no call.
            db.CallLogs.Add(new CallLog { LeadId = lead.Id, ContactId = lead.ContactId, Direction = MessageDirection.OUTBOUND,
                Outcome = CallOutcome.NO_ANSWER, DurationSeconds = 0, Provider = "manual", CreatedAt = at });
            db.Record("call.logged", "Ada called Brittany Nelson: no answer.", new { outcome = "NO_ANSWER", durationSeconds = 0, direction = "OUTBOUND" },
                userId: f.Author.Id, leadId: lead.Id, companyId: f.Company.Id, occurredAt: at);
            db.Record("call.logged", "Ada called Brittany Nelson: busy.", new { outcome = "BUSY", durationSeconds = 0, direction = "OUTBOUND" },
                userId: f.Author.Id, leadId: lead.Id, companyId: f.Company.Id, occurredAt: at.AddHours(1));
            await db.SaveChangesAsync();
        }

        var timeline = await LeadTimelineAsync(f, lead.Id);
        Assert.Single(timeline, e => e.Kind == TimelineKind.Call);
        var activity = Assert.Single(timeline, e => e.ActivityType == "call.logged");
        Assert.Equal("Ada called Brittany Nelson: busy.", activity.Title);
    }

    [Fact]
    public async Task An_inbound_text_shows_once_as_the_message_and_its_activity_comes_back_when_the_message_is_gone()
    {
        var f = await WorkFixture.CreateAsync();
        var lead = await BrittanyAsync(f);
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        InboundSmsResult received;
        await using (var db = f.Services.Db())
            received = await SmsInbound.ReceiveAsync(db, "evt-once", "+15125552111", FakeSmsGateway.FromNumber, "How much per truck?", f.Clock.Now.UtcDateTime, default);
        Assert.Equal(lead.Id, received.LeadId);

        foreach (var timeline in new[] { await LeadTimelineAsync(f, lead.Id), await CompanyTimelineAsync(f) })
        {
            var shown = Assert.Single(timeline, e => e.Kind == TimelineKind.Sms);
            Assert.Equal("How much per truck?", shown.Body);
            Assert.StartsWith("SMS received from", shown.Title);
            Assert.DoesNotContain(timeline, e => e.ActivityType == "sms.received");
        }

        await using (var db = f.Services.Db())
            await db.SmsMessages.Where(m => m.Id == received.MessageId).ExecuteDeleteAsync();
        var without = await LeadTimelineAsync(f, lead.Id);
        Assert.DoesNotContain(without, e => e.Kind == TimelineKind.Sms);
        Assert.Single(without, e => e.ActivityType == "sms.received");
    }

    [Fact]
    public async Task An_outbound_text_shows_once_as_the_message_and_its_activity_comes_back_when_the_message_is_gone()
    {
        var f = await WorkFixture.CreateAsync();
        using var phone = await FakeSmsGateway.RegisterAsync(f.Services.Provider, f.Author.Id);
        var lead = await BrittanyAsync(f);
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var sent = await f.Services.Get<SmsSending>().SendAsync(lead.Id, "GL300 is $79 a unit, want one?", f.Author.Id);

        foreach (var timeline in new[] { await LeadTimelineAsync(f, lead.Id), await CompanyTimelineAsync(f) })
        {
            var shown = Assert.Single(timeline, e => e.Kind == TimelineKind.Sms);
            Assert.Equal("GL300 is $79 a unit, want one?", shown.Body);
            Assert.StartsWith("SMS sent to", shown.Title);
            Assert.DoesNotContain(timeline, e => e.ActivityType == "sms.sent");
        }

        await using (var db = f.Services.Db())
            await db.SmsMessages.Where(m => m.Id == sent.Id).ExecuteDeleteAsync();
        Assert.Single(await LeadTimelineAsync(f, lead.Id), e => e.ActivityType == "sms.sent");
    }

    [Fact]
    public async Task An_email_in_and_out_shows_once_as_the_message_and_its_activity_comes_back_when_the_message_is_gone()
    {
        await using var f = await EmailFixture.CreateAsync();
        var inbound = f.Services.Get<EmailInbound>();
        var at = f.Clock.Now.UtcDateTime;
        var reply = await inbound.ReceiveAsync(f.Account.Id, new InboundEmail("gm-in", "th-1", EmailFixture.DanaEmail, "Dana Diaz", EmailFixture.Mailbox,
            "Pricing?", "How much per truck?", null, at.AddMinutes(-10)));
        var answer = await inbound.ReceiveAsync(f.Account.Id, new InboundEmail("gm-out", "th-1", EmailFixture.Mailbox, null, EmailFixture.DanaEmail,
            "Re: Pricing?", "$79 a unit.", null, at.AddMinutes(-5)));
        Assert.NotNull(reply);
        Assert.NotNull(answer);

        var timeline = await f.Services.Get<Timelines>().PageAsync(new TimelineScope(LeadId: f.Lead.Id), take: 100);
        Assert.Equal(["Email to " + EmailFixture.DanaEmail + ": Re: Pricing?", "Email from " + EmailFixture.DanaEmail + ": Pricing?"],
            timeline.Where(e => e.Kind == TimelineKind.Email).Select(e => e.Title));
        Assert.DoesNotContain(timeline, e => e.ActivityType is "email.received" or "email.sent");

        await using (var db = f.Services.Db())
            await db.EmailMessages.Where(m => m.Id == reply.Id).ExecuteDeleteAsync();
        var without = await f.Services.Get<Timelines>().PageAsync(new TimelineScope(LeadId: f.Lead.Id), take: 100);
        Assert.Single(without, e => e.Kind == TimelineKind.Email);
        Assert.Single(without, e => e.ActivityType == "email.received");
        Assert.DoesNotContain(without, e => e.ActivityType == "email.sent");
    }
}
