namespace GpsLeaders.Data.Inbox.Email;

/// <summary>Sends an email to a lead's contact from a connected account, and records it in the lead's thread and EMAIL conversation.</summary>
public sealed class EmailSending
{
    /// <summary>
    /// Sends <paramref name="body"/> (plain text) with <paramref name="subject"/> to the lead's contact, through
    /// <paramref name="emailAccountId"/> (or the acting user's / the first active account when null).
    /// </summary>
    public Task<EmailMessage> SendAsync(string leadId, string? emailAccountId, string subject, string body, string actingUserId, CancellationToken ct = default) =>
        throw new Platform.ValidationFailedException("emailAccount", "No email account is connected yet.");
}
