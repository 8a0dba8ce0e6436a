using GpsLeaders.Data.Activities;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Sms;

/// <summary>
/// Moves an outbound message's status forward only (QUEUED → SENT → DELIVERED; FAILED from anything but DELIVERED),
/// so a repeated or late webhook changes nothing. Returns false when nothing changed.
/// </summary>
public static class SmsStatusUpdate
{
    public static bool IsForward(SmsStatus from, SmsStatus to) => (from, to) switch
    {
        (SmsStatus.QUEUED, SmsStatus.SENT or SmsStatus.DELIVERED or SmsStatus.FAILED) => true,
        (SmsStatus.SENT, SmsStatus.DELIVERED or SmsStatus.FAILED) => true,
        _ => false,
    };

    public static async Task<bool> ApplyAsync(CrmDbContext db, string providerMessageId, SmsStatus to, DateTime at, string? reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var message = await db.SmsMessages.FromSql($"SELECT * FROM sms_messages WHERE provider_message_id = {providerMessageId} AND direction = 'OUTBOUND' FOR UPDATE")
            .FirstOrDefaultAsync(ct);
        if (message is null || !IsForward(message.Status, to)) return false;
        var before = message.Status;
        message.Status = to;
        if (to is SmsStatus.SENT or SmsStatus.DELIVERED) message.SentAt ??= at;
        if (to is SmsStatus.DELIVERED or SmsStatus.FAILED)
            db.Record(to == SmsStatus.DELIVERED ? "sms.delivered" : "sms.failed",
                to == SmsStatus.DELIVERED ? $"SMS to {message.ToNumber} delivered." : $"SMS to {message.ToNumber} failed{(reason is null ? "" : $": {reason}")}.",
                new { messageId = message.Id, before = before.ToString(), after = to.ToString(), reason },
                leadId: message.LeadId, contactId: message.ContactId, occurredAt: at);
        await db.SaveChangesAsync(ct);
        if (message.LeadId is not null)
        {
            var conversation = await db.Conversations.Where(c => c.LeadId == message.LeadId && c.Channel == ConversationChannel.SMS)
                .Select(c => new { c.Id, c.UserId }).FirstOrDefaultAsync(ct);
            if (conversation is not null) await ConversationFeed.PublishAsync(db, conversation.Id, conversation.UserId, null, ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }
}
