using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GpsLeaders.Data.Inbox.Sms;

/// <summary>
/// Sends an SMS to a lead's contact. The message is stored QUEUED and committed before the gateway is called, so a
/// status webhook that races the HTTP answer always finds it; a refused send turns the bubble FAILED with the reason.
/// </summary>
public sealed class SmsSending(IDbContextFactory<CrmDbContext> dbs, SmsGatewayService gateways, SmsGatewayClient client,
    TimeProvider clock, ILogger<SmsSending> log)
{
    public const int MaxLength = 1_600; // ten segments

    /// <summary>Why this contact cannot be texted, or null when they can.</summary>
    public static string? RefusalFor(Contact contact, bool leadIsDnc)
    {
        if (leadIsDnc) return "This lead is marked Do Not Contact.";
        if (contact.PhoneE164 is null) return contact.Phone is null ? "This contact has no phone number." : $"{contact.Phone} is not a valid phone number.";
        if (!contact.IsSmsEligible)
            return contact.PhoneType is not null and not "mobile" ? $"{PhoneDisplay.Format(contact.Phone)} is a {contact.PhoneType} number, not a mobile."
                : "This contact opted out of SMS (replied STOP). They can text START to opt back in.";
        return null;
    }

    public async Task<SmsMessage> SendAsync(string leadId, string? body, string? actingUserId, CancellationToken ct = default) =>
        await SendAsync(leadId, body, actingUserId, ignoreOptOut: false, ct);

    /// <summary>A reply from the inbox: only in an SMS conversation the viewer may see (otherwise answered as an unknown conversation).</summary>
    public async Task<SmsMessage> ReplyAsync(string conversationId, string? body, InboxViewer viewer, CancellationToken ct = default) =>
        await SendAsync(await InboxVisibility.LeadToReplyToAsync(dbs, conversationId, ConversationChannel.SMS, viewer, ct), body, viewer.UserId, ignoreOptOut: false, ct);

    /// <summary><paramref name="ignoreOptOut"/> only for the one confirmation of a STOP, which the carrier rules require.</summary>
    internal async Task<SmsMessage> SendAsync(string leadId, string? body, string? actingUserId, bool ignoreOptOut, CancellationToken ct)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0) throw new ValidationFailedException("body", "Type a message first.");
        if (text.Length > MaxLength) throw new ValidationFailedException("body", $"An SMS can be at most {MaxLength:N0} characters ({text.Length:N0} typed).");

        SmsMessage message;
        GatewayCredentials gateway;
        string conversationId; string? assignee;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var lead = await db.Leads.Include(l => l.Contact).FirstOrDefaultAsync(l => l.Id == leadId, ct)
                ?? throw new ValidationFailedException("leadId", "That lead no longer exists.");
            if (!ignoreOptOut && RefusalFor(lead.Contact, lead.IsDnc) is { } refusal) throw new ValidationFailedException("to", refusal);
            if (lead.Contact.PhoneE164 is null) throw new ValidationFailedException("to", "This contact has no valid phone number.");
            var assigneeNow = await db.Conversations.Where(c => c.LeadId == leadId && c.Channel == ConversationChannel.SMS).Select(c => c.UserId).FirstOrDefaultAsync(ct);
            var gatewayId = await SmsGatewayService.PickAsync(db, assigneeNow ?? actingUserId, ct)
                ?? throw new ValidationFailedException("gateway", "No active SMS gateway: add one under Settings → SMS gateways.");
            gateway = (await gateways.CredentialsAsync(db, gatewayId, ct))!;
            var now = Now();
            message = new SmsMessage
            {
                LeadId = leadId, ContactId = lead.ContactId, Direction = MessageDirection.OUTBOUND, FromNumber = gateway.FromE164,
                ToNumber = lead.Contact.PhoneE164, Body = text, Status = SmsStatus.QUEUED, CreatedAt = now,
            };
            message.ProviderMessageId = message.Id;
            db.SmsMessages.Add(message);
            db.Record("sms.sent", $"SMS to {ContactRules.DisplayName(lead.Contact)}: {ConversationFeed.Preview(text)}",
                new { messageId = message.Id, to = message.ToNumber, gateway = gateway.Label, segments = TemplateRendering.SmsSegments(text).Segments },
                userId: actingUserId, leadId: leadId, companyId: lead.CompanyId, contactId: lead.ContactId, occurredAt: now);
            await db.SaveChangesAsync(ct);
            (conversationId, assignee) = await ConversationFeed.AddMessageAsync(db, leadId, lead.ContactId, ConversationChannel.SMS, text, now, inbound: false, ct);
            await ConversationFeed.PublishAsync(db, conversationId, assignee, null, ct);
            await tx.CommitAsync(ct);
        }

        try
        {
            await client.SendAsync(gateway, message.ToNumber, text, message.Id, ct);
        }
        catch (SmsGatewayException ex)
        {
            log.LogWarning("SMS {MessageId} not accepted by {Gateway}: {Reason}", message.Id, gateway.Label, ex.Message);
            await MarkFailedAsync(message.Id, ex.Message, CancellationToken.None);
            throw new ValidationFailedException("gateway", ex.Message);
        }
        return message;
    }

    async Task MarkFailedAsync(string messageId, string reason, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await SmsStatusUpdate.ApplyAsync(db, messageId, SmsStatus.FAILED, Now(), reason, ct);
    }

    DateTime Now() => clock.StoredNow();
}
