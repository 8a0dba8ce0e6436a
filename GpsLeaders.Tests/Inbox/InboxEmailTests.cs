using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Inbox.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WireMock.Server;
using Req = WireMock.RequestBuilders.Request;

namespace GpsLeaders.Tests.Inbox;

/// <summary>Email in the inbox: a reply written in the CRM goes out through (fake) Gmail, and the customer's answer synced back lands in the thread.</summary>
public class InboxEmailTests : BrowserTest
{
    readonly WireMockServer _google = WireMockServer.Start();

    protected override IDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Gmail:ApiBaseUrl"] = _google.Url, ["Gmail:TokenUrl"] = _google.Url + "/token", ["Gmail:AuthUrl"] = _google.Url + "/auth",
        ["Gmail:ClientId"] = "client-1", ["Gmail:ClientSecret"] = "secret-1",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _google.Stop();
    }

    [Fact]
    public async Task An_email_sent_from_a_lead_goes_through_gmail_and_the_synced_reply_lands_in_its_thread()
    {
        string leadId, email, accountId;
        await using (var db = Db())
        {
            var lead = await db.Leads.Where(l => l.Contact.EmailNormalized != null && !l.IsDnc && !db.Leads.Any(o => o.ContactId == l.ContactId && o.Id != l.Id))
                .OrderBy(l => l.Id).Select(l => new { l.Id, l.Contact.EmailNormalized }).FirstAsync();
            (leadId, email) = (lead.Id, lead.EmailNormalized!);
            var secrets = Service<SecretBox>();
            var admin = await db.Users.FirstAsync(u => u.Role == UserRole.ADMIN);
            var account = new EmailAccount
            {
                EmailAddress = "sales@gpsleaders.test", Provider = "gmail", UserId = admin.Id, GmailRefreshToken = secrets.Protect("refresh-1"),
                GmailAccessToken = secrets.Protect("access-1"), GmailTokenExpiry = DateTime.UtcNow.AddHours(1),
            };
            db.EmailAccounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
        }
        _google.Given(Req.Create().WithPath("/gmail/v1/users/me/messages/send").UsingPost()).RespondWith(EmailFixture.Json(new { id = "gm-1", threadId = "gt-1" }));

        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, $"/leads/{leadId}");
        await page.ClickAsync("[data-testid=lead-email]");
        await page.FillAsync("[data-testid=composer-subject]", "Quote for your vans");
        await page.FillAsync("[data-testid=composer-body]", "Hi, the quote is attached to your invoice link.");
        await page.ClickAsync("[data-testid=composer-send]");
        await Assertions.Expect(page.Locator("[data-testid=email-message][data-direction=out]")).ToContainTextAsync("Quote for your vans");
        Assert.Contains(_google.LogEntries, e => e.RequestMessage!.Path == "/gmail/v1/users/me/messages/send");

        // The customer answers in Gmail; the sync job pulls it in (run here rather than waiting two minutes).
        await using (var db = Db())
        {
            db.Settings.Add(new GpsLeaders.Data.Settings.Setting { Key = EmailSync.HistoryKeyPrefix + accountId, Value = "\"100\"" });
            await db.SaveChangesAsync();
        }
        _google.Given(Req.Create().WithPath("/gmail/v1/users/me/history").WithParam("startHistoryId", "100").UsingGet())
            .RespondWith(EmailFixture.Json(new { history = new[] { new { id = "h1", messagesAdded = new[] { new { message = new { id = "gm-reply" } } } } }, historyId = "101" }));
        _google.Given(Req.Create().WithPath("/gmail/v1/users/me/messages/gm-reply").UsingGet())
            .RespondWith(EmailFixture.Json(EmailFixture.Message("gm-reply", "gt-1", $"Customer <{email}>", "sales@gpsleaders.test", "Re: Quote for your vans",
                "Looks good, we'll sign today.", "<p>Looks good, <b>we'll sign today</b>.<script>window.__pwned=1</script></p>", DateTimeOffset.UtcNow)));
        await Service<EmailSync>().SyncAllAsync();

        var reply = page.Locator("[data-testid=email-message][data-direction=in]");
        await Assertions.Expect(reply).ToContainTextAsync("we'll sign today");
        Assert.Equal(1, await reply.Locator("b").CountAsync());
        Assert.Equal(0, await reply.Locator("script").CountAsync());
        await using var check = Db();
        var thread = await check.EmailThreads.Include(t => t.Messages).SingleAsync(t => t.LeadId == leadId);
        Assert.Equal(("gt-1", 2), (thread.GmailThreadId, thread.Messages.Count));
    }
}
