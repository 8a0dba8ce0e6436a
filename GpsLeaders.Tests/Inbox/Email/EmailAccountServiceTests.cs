using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Sequences;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;

namespace GpsLeaders.Tests.Inbox.Email;

public class EmailAccountServiceTests
{
    [Fact]
    public async Task Connecting_Gmail_exchanges_the_code_reads_the_address_and_keeps_tokens_encrypted()
    {
        await using var f = await EmailFixture.CreateAsync();
        var accounts = f.Services.Get<EmailAccountService>();
        var url = new Uri(accounts.GmailConnectUrl("https://crm.test/oauth/gmail/callback", "state-1"));
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(("offline", "consent", "state-1", "client-1"), (query["access_type"], query["prompt"], query["state"], query["client_id"]));
        Assert.Contains(GmailOptions.SendScope, query["scope"]);
        Assert.Contains(GmailOptions.ReadScope, query["scope"]);

        f.StubToken(new { access_token = "access-new", refresh_token = "refresh-new", expires_in = 3600 });
        f.Google.Given(Request.Create().WithPath("/gmail/v1/users/me/profile").UsingGet())
            .RespondWith(EmailFixture.Json(new { emailAddress = "Owner@GpsLeaders.test", historyId = "42" }));
        var account = await accounts.ConnectGmailAsync("code-1", "https://crm.test/oauth/gmail/callback", f.Admin.Id);

        var exchange = f.Google.LogEntries.Single(e => e.RequestMessage!.Path == "/token").RequestMessage!.Body!;
        Assert.Contains("grant_type=authorization_code", exchange);
        Assert.Contains("code=code-1", exchange);
        Assert.Contains("redirect_uri=https%3A%2F%2Fcrm.test%2Foauth%2Fgmail%2Fcallback", exchange);
        await using (var db = f.Services.Db())
        {
            var saved = await db.EmailAccounts.SingleAsync(a => a.Id == account.Id);
            Assert.Equal(("owner@gpsleaders.test", "gmail", true), (saved.EmailAddress, saved.Provider, saved.IsActive));
            Assert.DoesNotContain("refresh-new", saved.GmailRefreshToken);
            Assert.Equal("refresh-new", f.Services.Get<SecretBox>().Unprotect(saved.GmailRefreshToken!));
            Assert.True(await db.Activities.AnyAsync(a => a.ActivityType == "email_account.connected" && a.UserId == f.Admin.Id));
        }
        var row = (await accounts.ListAsync()).Single(r => r.Id == account.Id);
        Assert.Equal("••••-new", row.Credential);

        await accounts.DeactivateAsync(account.Id, f.Admin.Id);
        Assert.False((await accounts.ListAsync()).Single(r => r.Id == account.Id).IsActive);
        await using var after = f.Services.Db();
        Assert.True(await after.Activities.AnyAsync(a => a.ActivityType == "email_account.deactivated"));
    }

    [Fact]
    public async Task An_smtp_account_is_checked_and_its_password_never_shown()
    {
        await using var f = await EmailFixture.CreateAsync();
        var accounts = f.Services.Get<EmailAccountService>();
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            accounts.AddSmtpAsync(new SmtpAccountInput("not an address", null, "", 0, "user", null), f.Admin.Id));
        Assert.Equal(["emailAddress", "host", "password", "port"], bad.Errors.Keys.Order());

        var account = await accounts.AddSmtpAsync(new SmtpAccountInput(" Billing@GpsLeaders.test ", "Billing", "smtp.mail.test", 587, "billing", "hunter2-password"), f.Admin.Id);

        var row = (await accounts.ListAsync()).Single(r => r.Id == account.Id);
        Assert.Equal(("smtp", "billing@gpsleaders.test", "smtp.mail.test:587", "••••word"), (row.Provider, row.EmailAddress, row.SmtpServer, row.Credential));
        await using var db = f.Services.Db();
        var saved = await db.EmailAccounts.SingleAsync(a => a.Id == account.Id);
        Assert.NotEqual("hunter2-password", saved.SmtpPass);
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "email_account.added"));
    }

    [Fact]
    public async Task An_inbound_email_is_filed_once_and_pauses_the_leads_sequences()
    {
        await using var f = await EmailFixture.CreateAsync();
        await using (var db = f.Services.Db())
        {
            var definition = new SequenceDefinition { TagSlug = "interested", Name = "Interested follow-up", Steps = "[]" };
            db.SequenceDefinitions.Add(definition);
            db.SequenceRuns.Add(new SequenceRun { LeadId = f.Lead.Id, SequenceDefId = definition.Id, TagSlug = "interested", Status = SequenceStatus.ACTIVE });
            await db.SaveChangesAsync();
        }
        var inbound = f.Services.Get<EmailInbound>();
        var mail = new InboundEmail("gm-9", "gt-9", EmailFixture.DanaEmail, "Dana Diaz", EmailFixture.Mailbox, "Question", "Does it work in Canada?", null, f.Clock.Now.UtcDateTime);

        var first = await inbound.ReceiveAsync(f.Account.Id, mail);
        var second = await inbound.ReceiveAsync(f.Account.Id, mail);

        Assert.NotNull(first);
        Assert.Null(second);
        await using var check = f.Services.Db();
        Assert.Equal(1, await check.EmailMessages.CountAsync());
        Assert.Equal(1, (await check.Conversations.SingleAsync()).UnreadCount);
        var run = await check.SequenceRuns.SingleAsync();
        Assert.Equal((SequenceStatus.PAUSED, "the lead replied by email"), (run.Status, run.PausedReason));
    }
}
