using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GpsLeaders.Data.Platform;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>Sends through an SMTP account with MailKit.</summary>
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

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(account.SmtpHost, account.SmtpPort.Value, Security(account.SmtpHost, account.SmtpPort.Value), ct);
            if (!string.IsNullOrEmpty(account.SmtpUser)) await client.AuthenticateAsync(new NetworkCredential(account.SmtpUser, password), ct);
            await client.SendAsync(mail.ToMimeMessage(), ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException
                                       or ServiceNotConnectedException or NotSupportedException or SocketException or IOException
                                       or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new ValidationFailedException("email", $"The SMTP server {account.SmtpHost} refused the message: {e.Message}");
        }
    }

    /// <summary>
    /// Implicit TLS on 465; STARTTLS required elsewhere, so a stripped STARTTLS offer cannot send the password in clear.
    /// Port 25 (server-to-server relay, where plain delivery is still normal) and a server on this very machine (no
    /// network in between, e.g. a local relay or a test server) use STARTTLS only when offered.
    /// </summary>
    public static SecureSocketOptions Security(string host, int port) => port switch
    {
        465 => SecureSocketOptions.SslOnConnect,
        25 => SecureSocketOptions.StartTlsWhenAvailable,
        _ when IsLoopback(host) => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.StartTls,
    };

    static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
