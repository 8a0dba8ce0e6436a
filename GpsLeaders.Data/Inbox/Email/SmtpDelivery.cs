using System.Net;
using System.Net.Mail;
using System.Security.Cryptography;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>
/// Sends through an SMTP account with System.Net.Mail (MailKit does not install here). STARTTLS unless the account
/// uses port 25, the one port where unencrypted relay is still normal; SmtpClient cannot do implicit TLS (port 465).
/// </summary>
public sealed class SmtpDelivery(SecretBox secrets)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(EmailAccount account, OutgoingEmail mail, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(account.SmtpHost) || account.SmtpPort is null)
            throw new ValidationFailedException("emailAccount", $"{account.EmailAddress} has no SMTP server set.");
        string? password;
        try { password = account.SmtpPass is null ? null : secrets.Unprotect(account.SmtpPass); }
        catch (CryptographicException) { throw new ValidationFailedException("emailAccount", $"The stored SMTP password of {account.EmailAddress} can no longer be read: enter it again."); }

        using var message = new MailMessage(new MailAddress(mail.From, mail.FromName), new MailAddress(mail.To, mail.ToName))
        {
            Subject = mail.Subject,
            Body = mail.Body,
            SubjectEncoding = System.Text.Encoding.UTF8,
            BodyEncoding = System.Text.Encoding.UTF8,
        };
        using var client = new SmtpClient(account.SmtpHost, account.SmtpPort.Value)
        {
            EnableSsl = account.SmtpPort != 25,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)Timeout.TotalMilliseconds,
            Credentials = string.IsNullOrEmpty(account.SmtpUser) ? null : new NetworkCredential(account.SmtpUser, password),
        };
        try { await client.SendMailAsync(message, ct); }
        catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException)
        {
            throw new ValidationFailedException("email", $"The SMTP server {account.SmtpHost} refused the message: {e.Message}");
        }
    }
}
