using System.Net;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Platform;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;

namespace GpsLeaders.Tests.Inbox.Email;

/// <summary>Sending through an SMTP account, received by a real SMTP server (netDumbster) on loopback.</summary>
public class SmtpDeliveryTests
{
    static async Task<(EmailFixture F, SimpleSmtpServer Server, EmailAccount Account)> SmtpAccountAsync()
    {
        var f = await EmailFixture.CreateAsync();
        var server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        await using (var db = f.Services.Db())
            await db.EmailAccounts.Where(a => a.Id == f.Account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, false));
        var account = await f.Services.Get<EmailAccountService>().AddSmtpAsync(
            new SmtpAccountInput("billing@gpsleaders.test", "Billing — Zoë", "127.0.0.1", server.Configuration.Port, null, null), f.Admin.Id);
        return (f, server, account);
    }

    static MimeMessage Received(SmtpMessage message) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));

    [Fact]
    public async Task A_message_sent_through_an_SMTP_account_arrives_as_written_and_a_follow_up_answers_it()
    {
        var (f, server, account) = await SmtpAccountAsync();
        await using var _ = f;
        using var __ = server;
        var sending = f.Services.Get<EmailSending>();

        var first = await sending.SendAsync(f.Lead.Id, account.Id, "Café déjà vu — Ünïcode", "Hi Dana,\nthe quote is attached.", f.Admin.Id);

        var received = Received(Assert.Single(server.ReceivedEmail));
        Assert.Equal(("Billing — Zoë", "billing@gpsleaders.test"), (received.From.Mailboxes.Single().Name, received.From.Mailboxes.Single().Address));
        Assert.Equal(("Dana Diaz", EmailFixture.DanaEmail), (received.To.Mailboxes.Single().Name, received.To.Mailboxes.Single().Address));
        Assert.Contains("=?utf-8?", server.ReceivedEmail[0].Data.Split("\r\n").First(l => l.StartsWith("Subject:", StringComparison.Ordinal)));
        Assert.Equal("Café déjà vu — Ünïcode", received.Subject);
        Assert.Equal("Hi Dana,\nthe quote is attached.", received.TextBody?.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal($"{first.Id}@gpsleaders.test", received.MessageId);
        Assert.Null(received.InReplyTo);
        Assert.Equal(EmailFixture.DanaEmail, Assert.Single(server.ReceivedEmail[0].ToAddresses).ToString());

        var second = await sending.SendAsync(f.Lead.Id, account.Id, "Re: Café déjà vu — Ünïcode", "Any questions?", f.Admin.Id);
        var third = await sending.SendAsync(f.Lead.Id, account.Id, "Re: Café déjà vu — Ünïcode", "Following up.", f.Admin.Id);

        Assert.Equal(3, server.ReceivedEmailCount);
        // The server's list is not in arrival order: find each message by its id.
        var all = server.ReceivedEmail.Select(Received).ToList();
        var reply = all.Single(m => m.MessageId == $"{second.Id}@gpsleaders.test");
        Assert.Equal($"{first.Id}@gpsleaders.test", reply.InReplyTo);
        Assert.Equal([$"{first.Id}@gpsleaders.test"], reply.References);
        var last = all.Single(m => m.MessageId == $"{third.Id}@gpsleaders.test");
        Assert.Equal($"{second.Id}@gpsleaders.test", last.InReplyTo);
        Assert.Equal([$"{first.Id}@gpsleaders.test", $"{second.Id}@gpsleaders.test"], last.References);
        await using var db = f.Services.Db();
        Assert.Equal(3, await db.EmailMessages.CountAsync(m => m.Direction == MessageDirection.OUTBOUND && m.GmailMessageId == null));
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_a_clear_error_and_nothing_is_recorded()
    {
        var (f, server, account) = await SmtpAccountAsync();
        await using var _ = f;
        server.Stop();
        server.Dispose();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            f.Services.Get<EmailSending>().SendAsync(f.Lead.Id, account.Id, "Quote", "Hello", f.Admin.Id));

        Assert.Contains("The SMTP server 127.0.0.1 refused the message", ex.Errors["email"]);
        await using var db = f.Services.Db();
        Assert.False(await db.EmailMessages.AnyAsync());
    }

    [Theory]
    [InlineData("smtp.mail.test", 587, SecureSocketOptions.StartTls)]
    [InlineData("smtp.mail.test", 465, SecureSocketOptions.SslOnConnect)]
    [InlineData("smtp.mail.test", 25, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("smtp.mail.test", 2525, SecureSocketOptions.StartTls)]
    [InlineData("127.0.0.1", 2525, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("localhost", 587, SecureSocketOptions.StartTlsWhenAvailable)]
    public void TLS_by_port(string host, int port, SecureSocketOptions expected) => Assert.Equal(expected, SmtpDelivery.Security(host, port));
}
