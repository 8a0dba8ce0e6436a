using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Inbox.Email;

public class EmailSyncTests
{
    [Fact]
    public async Task A_reply_is_pulled_into_the_same_thread_once_and_counts_as_unread()
    {
        await using var f = await EmailFixture.CreateAsync();
        f.StubSend("gm-1", "gt-1");
        await f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, null, "Quote for 12 trackers", "Hi Dana", f.Admin.Id);
        await SetHistoryIdAsync(f, "100");
        // The history has our own sent message (already recorded), Dana's reply, and a note the rep sent from Gmail itself.
        f.StubHistory("100", "105", "gm-1", "gm-reply", "gm-own");
        f.StubHistory("105", "105");
        f.StubMessage("gm-reply", "gt-1", $"Dana Diaz <{EmailFixture.DanaEmail}>", EmailFixture.Mailbox, "Re: Quote for 12 trackers",
            "Sounds good, send the invoice.", "<p>Sounds good, <b>send the invoice</b>.<script>alert(1)</script></p>");
        f.StubMessage("gm-own", "gt-1", $"Sales <{EmailFixture.Mailbox}>", EmailFixture.DanaEmail, "Re: Quote for 12 trackers", "Invoice coming today.");
        var sync = f.Services.Get<EmailSync>();

        var result = await sync.SyncAllAsync();

        Assert.Equal((1, 2), (result.Accounts, result.Received));
        Assert.Empty(result.Failures);
        Assert.Equal(0, f.Requests("/gmail/v1/users/me/messages/gm-1")); // known already: not fetched
        await using (var db = f.Services.Db())
        {
            var thread = await db.EmailThreads.Include(t => t.Messages).SingleAsync();
            Assert.Equal(3, thread.Messages.Count);
            var reply = thread.Messages.Single(m => m.GmailMessageId == "gm-reply");
            Assert.Equal((MessageDirection.INBOUND, "Sounds good, send the invoice."), (reply.Direction, reply.BodyText));
            Assert.Contains("<b>send the invoice</b>", reply.BodyHtml);
            Assert.Equal(MessageDirection.OUTBOUND, thread.Messages.Single(m => m.GmailMessageId == "gm-own").Direction);
            var conversation = await db.Conversations.SingleAsync();
            Assert.Equal(1, conversation.UnreadCount);
            Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "email.received" && a.LeadId == f.Lead.Id));
            Assert.Equal("\"105\"", await db.Settings.Where(s => s.Key == EmailSync.HistoryKeyPrefix + f.Account.Id).Select(s => s.Value).SingleAsync());
            Assert.Equal(f.Clock.Now.UtcDateTime, (await db.EmailAccounts.SingleAsync()).LastSyncedAt);
        }

        // Syncing again (and Gmail repeating itself) stores nothing twice.
        await SetHistoryIdAsync(f, "100");
        var again = await sync.SyncAllAsync();
        Assert.Equal(0, again.Received);
        await using (var db = f.Services.Db())
        {
            Assert.Equal(3, await db.EmailMessages.CountAsync());
            Assert.Equal(1, (await db.Conversations.SingleAsync()).UnreadCount);
        }
    }

    [Fact]
    public async Task A_raw_message_with_an_encoded_subject_and_alternative_bodies_is_stored_as_its_sender_wrote_it()
    {
        await using var f = await EmailFixture.CreateAsync();
        await SetHistoryIdAsync(f, "100");
        f.StubHistory("100", "101", "gm-intl");
        // As a mail program writes it: encoded words in From and Subject, Latin-1 quoted-printable text, base64 HTML, an attachment.
        var raw = string.Join("\r\n",
            "From: =?utf-8?B?Sm9zw6kgTsO6w7Fleg==?= <Jose@Transportes.test>",
            $"To: Sales <{EmailFixture.Mailbox}>",
            "Subject: =?utf-8?Q?Caf=C3=A9_d=C3=A9j=C3=A0_vu_=E2=80=94?= =?utf-8?B?IMOcbsOvY29kZQ==?=",
            "Date: Fri, 20 Nov 2026 14:58:00 +0000",
            "Message-ID: <intl-1@transportes.test>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=\"inner\"",
            "",
            "--inner",
            "Content-Type: text/plain; charset=ISO-8859-1",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Necesitamos 40 rastreadores, =BFprecio por volumen?",
            "--inner",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("<p>Necesitamos <b>40</b> rastreadores, ¿precio por volumen?</p>")),
            "--inner--",
            "--outer",
            "Content-Type: text/plain; name=\"flota.txt\"",
            "Content-Disposition: attachment; filename=\"flota.txt\"",
            "",
            "40 vans",
            "--outer--",
            "");
        f.Google.Given(WireMock.RequestBuilders.Request.Create().WithPath("/gmail/v1/users/me/messages/gm-intl").WithParam("format", "raw").UsingGet())
            .RespondWith(EmailFixture.Json(new
            {
                id = "gm-intl", threadId = "gt-intl", labelIds = new[] { "INBOX", "UNREAD" }, internalDate = f.Clock.Now.AddMinutes(-2).ToUnixTimeMilliseconds().ToString(),
                raw = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.ASCII.GetBytes(raw)),
            }));

        var result = await f.Services.Get<EmailSync>().SyncAllAsync();

        Assert.Equal(1, result.Received);
        await using var db = f.Services.Db();
        var message = await db.EmailMessages.Include(m => m.Thread).SingleAsync(m => m.GmailMessageId == "gm-intl");
        Assert.Equal(("Café déjà vu — Ünïcode", "Café déjà vu — Ünïcode"), (message.Subject, message.Thread.Subject));
        Assert.Equal("Necesitamos 40 rastreadores, ¿precio por volumen?", message.BodyText?.TrimEnd());
        Assert.Equal("<p>Necesitamos <b>40</b> rastreadores, ¿precio por volumen?</p>", message.BodyHtml);
        Assert.Equal(("Jose@Transportes.test", EmailFixture.Mailbox, MessageDirection.INBOUND), (message.FromAddress, message.ToAddress, message.Direction));
        Assert.Equal(f.Clock.Now.AddMinutes(-2).UtcDateTime, message.SentAt);
        var sender = await db.Contacts.SingleAsync(c => c.EmailNormalized == "jose@transportes.test");
        Assert.Equal("José Núñez", sender.FullName);
    }

    [Fact]
    public async Task Without_a_usable_history_the_sync_lists_by_date_and_a_stranger_becomes_a_lead()
    {
        await using var f = await EmailFixture.CreateAsync();
        await SetHistoryIdAsync(f, "1");
        f.Google.Given(WireMock.RequestBuilders.Request.Create().WithPath("/gmail/v1/users/me/history").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(404).WithBody("""{"error":{"code":404,"message":"Requested entity was not found."}}"""));
        f.Google.Given(WireMock.RequestBuilders.Request.Create().WithPath("/gmail/v1/users/me/profile").UsingGet())
            .RespondWith(EmailFixture.Json(new { emailAddress = EmailFixture.Mailbox, historyId = "900" }));
        f.Google.Given(WireMock.RequestBuilders.Request.Create().WithPath("/gmail/v1/users/me/messages").UsingGet())
            .RespondWith(EmailFixture.Json(new { messages = new[] { new { id = "gm-new", threadId = "gt-new" } }, resultSizeEstimate = 1 }));
        f.StubMessage("gm-new", "gt-new", "\"Sam Stone\" <Sam@StoneFreight.test>", EmailFixture.Mailbox, "Trackers for 40 trucks?", "Do you do volume pricing?");

        var result = await f.Services.Get<EmailSync>().SyncAllAsync();

        Assert.Equal(1, result.Received);
        var list = f.Google.LogEntries.Single(e => e.RequestMessage!.Path == "/gmail/v1/users/me/messages").RequestMessage!;
        var since = new DateTimeOffset(f.Clock.Now.UtcDateTime.AddDays(-7).AddHours(-1)).ToUnixTimeSeconds();
        Assert.Equal($"after:{since}", list.Query!["q"].Single());
        await using var db = f.Services.Db();
        var contact = await db.Contacts.SingleAsync(c => c.EmailNormalized == "sam@stonefreight.test");
        Assert.Equal(("Sam", "Stone", "inbound_email"), (contact.FirstName, contact.LastName, contact.Source));
        var lead = await db.Leads.SingleAsync(l => l.ContactId == contact.Id);
        var thread = await db.EmailThreads.SingleAsync(t => t.GmailThreadId == "gt-new");
        Assert.Equal(lead.Id, thread.LeadId);
        Assert.Equal(1, (await db.Conversations.SingleAsync(c => c.LeadId == lead.Id)).UnreadCount);
        Assert.Equal("\"900\"", await db.Settings.Where(s => s.Key == EmailSync.HistoryKeyPrefix + f.Account.Id).Select(s => s.Value).SingleAsync());
    }

    [Fact]
    public async Task A_failing_account_does_not_stop_the_others()
    {
        await using var f = await EmailFixture.CreateAsync();
        var secrets = f.Services.Get<SecretBox>();
        await using (var db = f.Services.Db())
        {
            // Listed first (older), and Google refuses to renew its expired token.
            db.EmailAccounts.Add(new EmailAccount
            {
                EmailAddress = "old@gpsleaders.test", GmailRefreshToken = secrets.Protect("revoked"), GmailAccessToken = secrets.Protect("stale"),
                GmailTokenExpiry = f.Clock.Now.UtcDateTime.AddHours(-1), CreatedAt = f.Clock.Now.UtcDateTime.AddYears(-1),
            });
            await db.SaveChangesAsync();
        }
        f.StubToken(new { error = "invalid_grant", error_description = "Token has been expired or revoked." }, status: 400);
        await SetHistoryIdAsync(f, "100");
        f.StubHistory("100", "101", "gm-reply");
        f.StubMessage("gm-reply", "gt-9", $"Dana Diaz <{EmailFixture.DanaEmail}>", EmailFixture.Mailbox, "Hello again", "Still interested.");

        var result = await f.Services.Get<EmailSync>().SyncAllAsync();

        Assert.Equal((2, 1), (result.Accounts, result.Received));
        Assert.Contains("invalid_grant", Assert.Single(result.Failures).Value);
        await using var check = f.Services.Db();
        Assert.Equal(f.Lead.Id, (await check.EmailThreads.SingleAsync()).LeadId);
    }

    static async Task SetHistoryIdAsync(EmailFixture f, string historyId)
    {
        await using var db = f.Services.Db();
        var key = EmailSync.HistoryKeyPrefix + f.Account.Id;
        await db.Settings.Where(s => s.Key == key).ExecuteDeleteAsync();
        db.Settings.Add(new Setting { Key = key, Value = $"\"{historyId}\"" });
        await db.SaveChangesAsync();
    }
}
