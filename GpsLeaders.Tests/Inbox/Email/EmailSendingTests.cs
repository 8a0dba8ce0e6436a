using System.Text;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Inbox.Email;

public class EmailSendingTests
{
    [Fact]
    public async Task A_sent_email_is_in_the_leads_thread_and_conversation_and_Gmail_got_the_message()
    {
        await using var f = await EmailFixture.CreateAsync();
        f.StubSend("gm-1", "gt-1");
        var sending = f.Services.Get<EmailSending>();

        var first = await sending.SendAsync(f.Lead.Id, null, "Quote for 12 trackers", "Hi Dana,\nthe quote is attached.", f.Admin.Id);

        var sent = Assert.Single(f.SentToGmail());
        Assert.Null(sent.ThreadId);
        Assert.Equal("Bearer access-1", sent.Authorization);
        var to = Assert.Single(sent.Message.To.Mailboxes);
        Assert.Equal(("Dana Diaz", EmailFixture.DanaEmail), (to.Name, to.Address));
        Assert.Equal(EmailFixture.Mailbox, Assert.Single(sent.Message.From.Mailboxes).Address);
        Assert.Equal("Quote for 12 trackers", sent.Message.Subject);
        Assert.Equal("Hi Dana,\nthe quote is attached.", sent.Message.TextBody?.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal($"{first.Id}@gpsleaders.test", sent.Message.MessageId);
        Assert.Null(sent.Message.InReplyTo);

        await using (var db = f.Services.Db())
        {
            var thread = await db.EmailThreads.SingleAsync();
            Assert.Equal(("gt-1", f.Lead.Id, f.Account.Id), (thread.GmailThreadId, thread.LeadId, thread.EmailAccountId));
            var message = await db.EmailMessages.SingleAsync();
            Assert.Equal((first.Id, "gm-1", MessageDirection.OUTBOUND, EmailFixture.DanaEmail), (message.Id, message.GmailMessageId, message.Direction, message.ToAddress));
            var conversation = await db.Conversations.SingleAsync();
            Assert.Equal((ConversationChannel.EMAIL, 0, f.Lead.Id), (conversation.Channel, conversation.UnreadCount, conversation.LeadId));
            Assert.StartsWith("Quote for 12 trackers — Hi Dana, the quote", conversation.LastMessagePreview);
            var activity = await db.Activities.SingleAsync(a => a.ActivityType == "email.sent");
            Assert.Equal((f.Lead.Id, f.Admin.Id, f.Dana.Id), (activity.LeadId, activity.UserId, activity.ContactId));
        }

        // The follow-up goes into the same Gmail thread and the same CRM thread.
        // It answers the last message of the thread by the Message-ID Gmail has for it.
        f.Google.ResetMappings();
        f.StubSend("gm-2", "gt-1");
        f.StubThreading("gm-1", $"<{first.Id}@gpsleaders.test>");
        await sending.SendAsync(f.Lead.Id, f.Account.Id, "Re: Quote for 12 trackers", "Any questions?", f.Admin.Id);
        var followUp = f.SentToGmail()[^1];
        Assert.Equal("gt-1", followUp.ThreadId);
        Assert.Equal($"{first.Id}@gpsleaders.test", followUp.Message.InReplyTo);
        Assert.Equal([$"{first.Id}@gpsleaders.test"], followUp.Message.References);
        await using (var db = f.Services.Db())
        {
            Assert.Equal(1, await db.EmailThreads.CountAsync());
            Assert.Equal(2, await db.EmailMessages.CountAsync());
        }
    }

    [Fact]
    public async Task A_Gmail_failure_is_a_clear_error_and_nothing_is_recorded()
    {
        await using var f = await EmailFixture.CreateAsync();
        f.StubSend("", "", status: 500);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, null, "Quote", "Hello", f.Admin.Id));

        Assert.Contains("HTTP 500", ex.Errors["email"]);
        Assert.Contains("Backend Error", ex.Errors["email"]);
        await using var db = f.Services.Db();
        Assert.False(await db.EmailThreads.AnyAsync());
        Assert.False(await db.EmailMessages.AnyAsync());
        Assert.False(await db.Conversations.AnyAsync());
        Assert.False(await db.Activities.AnyAsync(a => a.ActivityType == "email.sent"));
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_and_kept_encrypted()
    {
        await using var f = await EmailFixture.CreateAsync();
        f.Clock.Advance(TimeSpan.FromHours(2)); // the fixture's token is valid for one hour
        f.StubToken(new { access_token = "access-2", expires_in = 3599, token_type = "Bearer" });
        f.StubSend("gm-1", "gt-1");

        await f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, null, "Quote", "Hello", f.Admin.Id);

        Assert.Equal("Bearer access-2", f.SentToGmail().Single().Authorization);
        var refresh = f.Google.LogEntries.Single(e => e.RequestMessage!.Path == "/token").RequestMessage!.Body!;
        Assert.Contains("grant_type=refresh_token", refresh);
        Assert.Contains("refresh_token=refresh-1", refresh);
        Assert.Contains("client_id=client-1", refresh);
        await using var db = f.Services.Db();
        var account = await db.EmailAccounts.SingleAsync();
        Assert.NotEqual("access-2", account.GmailAccessToken);
        Assert.Equal("access-2", f.Services.Get<SecretBox>().Unprotect(account.GmailAccessToken!));
        Assert.Equal("refresh-1", f.Services.Get<SecretBox>().Unprotect(account.GmailRefreshToken!));
        Assert.Equal(f.Clock.Now.UtcDateTime.AddSeconds(3599), account.GmailTokenExpiry);
    }

    [Theory]
    [InlineData("", "Hello", "subject")]
    [InlineData("Quote", "  ", "body")]
    public async Task Subject_and_body_are_required(string subject, string body, string field)
    {
        await using var f = await EmailFixture.CreateAsync();
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, null, subject, body, f.Admin.Id));
        Assert.True(ex.Errors.ContainsKey(field));
        Assert.Equal(0, f.Requests("/gmail/v1/users/me/messages/send"));
    }

    [Fact]
    public async Task A_contact_without_email_or_a_deactivated_account_is_refused()
    {
        await using var f = await EmailFixture.CreateAsync();
        await f.Services.Get<EmailAccountService>().DeactivateAsync(f.Account.Id, f.Admin.Id);
        var inactive = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, f.Account.Id, "Quote", "Hello", f.Admin.Id));
        Assert.Contains("deactivated", inactive.Errors["emailAccount"]);

        await using (var db = f.Services.Db())
            await db.Contacts.Where(c => c.Id == f.Dana.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, (string?)null).SetProperty(c => c.EmailNormalized, (string?)null));
        var noEmail = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, null, "Quote", "Hello", f.Admin.Id));
        Assert.Contains("no email address", noEmail.Errors["email"]);
    }

    [Fact]
    public async Task Non_ASCII_names_and_subjects_reach_Gmail_encoded_and_read_back_intact()
    {
        await using var f = await EmailFixture.CreateAsync();
        await using (var db = f.Services.Db())
        {
            await db.EmailAccounts.Where(a => a.Id == f.Account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DisplayName, "José Núñez"));
            await db.Contacts.Where(c => c.Id == f.Dana.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FullName, "Dana Ünal\r\nBcc: victim@evil.test"));
        }
        f.StubSend("gm-1", "gt-1");

        await f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, null, "Café déjà vu — Ünïcode", "Olá Dana,\n12 rastreadores: 1.200 €.", f.Admin.Id);

        var raw = Encoding.ASCII.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(
            System.Text.Json.JsonDocument.Parse(f.Google.LogEntries.Single(e => e.RequestMessage!.Path == "/gmail/v1/users/me/messages/send").RequestMessage!.Body!)
                .RootElement.GetProperty("raw").GetString()!));
        Assert.True(raw.All(char.IsAscii), "the message travels as 7-bit text");
        Assert.Contains("Subject: =?utf-8?", raw);
        Assert.DoesNotContain("\nBcc:", raw);
        var sent = f.SentToGmail().Single().Message;
        Assert.Equal("Café déjà vu — Ünïcode", sent.Subject);
        Assert.Equal("José Núñez", sent.From.Mailboxes.Single().Name);
        Assert.Equal("Dana Ünal  Bcc: victim@evil.test", sent.To.Mailboxes.Single().Name);
        Assert.Empty(sent.Bcc);
        Assert.Equal("Olá Dana,\n12 rastreadores: 1.200 €.", sent.TextBody?.ReplaceLineEndings("\n").TrimEnd());
    }
}
