using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Sms;

/// <summary>What an inbound text did, for the webhook's caller (the opt-out confirmation, tests).</summary>
public sealed record InboundSmsResult(string? MessageId, string? LeadId, bool Duplicate, SmsKeyword Keyword, bool EligibilityChanged);

public enum SmsKeyword { None, OptOut, OptIn }

/// <summary>
/// One received text, in one transaction: idempotent on the gateway's event id (kept as the inbound message's
/// providerMessageId; the gateway's own messageId is derived from content and repeats), the sender matched by E.164
/// or made a new contact + lead, the SMS conversation bumped atomically, sequences paused, STOP/START honoured.
/// </summary>
public static class SmsInbound
{
    static readonly string[] OptOutWords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
    static readonly string[] OptInWords = ["START", "UNSTOP", "YES"];

    public static SmsKeyword KeywordOf(string text)
    {
        var word = text.Trim().TrimEnd('.', '!').ToUpperInvariant();
        return OptOutWords.Contains(word) ? SmsKeyword.OptOut : word is "START" or "UNSTOP" ? SmsKeyword.OptIn : SmsKeyword.None;
    }

    public static async Task<InboundSmsResult> ReceiveAsync(CrmDbContext db, string eventId, string sender, string? recipient, string text,
        DateTime receivedAt, CancellationToken ct)
    {
        // Kept, not refused: a refusal would be retried by the phone for two days and the reply lost anyway.
        text = StorableText.Truncate(text, SmsSending.MaxLength);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"sms-event:" + eventId}, 0))", ct);
        if (await db.SmsMessages.AnyAsync(m => m.ProviderMessageId == eventId && m.Direction == MessageDirection.INBOUND, ct))
            return new InboundSmsResult(null, null, true, SmsKeyword.None, false);

        var from = UsPhoneNumbers.ToE164(sender) ?? sender.Trim();
        var party = await InboundParties.ByPhoneAsync(db, from, "inbound_sms", ct);
        var contact = party.Contact;
        var keyword = KeywordOf(text);
        var wasEligible = contact.IsSmsEligible;
        if (keyword == SmsKeyword.OptOut) contact.IsSmsEligible = false;
        if (keyword == SmsKeyword.OptIn && contact.PhoneE164 is not null && contact.PhoneType is null or "mobile") contact.IsSmsEligible = true;
        var eligibilityChanged = wasEligible != contact.IsSmsEligible;

        var message = new SmsMessage
        {
            LeadId = party.Lead.Id, ContactId = contact.Id, Direction = MessageDirection.INBOUND, FromNumber = from,
            ToNumber = recipient ?? "", Body = text, ProviderMessageId = eventId, Status = SmsStatus.DELIVERED, SentAt = receivedAt, CreatedAt = receivedAt,
        };
        db.SmsMessages.Add(message);
        var who = ContactRules.DisplayName(contact);
        db.Record("sms.received", $"SMS from {who}: {ConversationFeed.Preview(text)}", new { messageId = message.Id, from, eventId },
            leadId: party.Lead.Id, companyId: party.Lead.CompanyId, contactId: contact.Id, occurredAt: receivedAt);
        if (eligibilityChanged)
            db.Record(keyword == SmsKeyword.OptOut ? "contact.sms_opted_out" : "contact.sms_opted_in",
                keyword == SmsKeyword.OptOut ? $"{who} texted {text.Trim()}: no more SMS to them." : $"{who} texted START: SMS allowed again.",
                new { before = wasEligible, after = contact.IsSmsEligible, keyword = text.Trim() },
                leadId: party.Lead.Id, companyId: party.Lead.CompanyId, contactId: contact.Id, occurredAt: receivedAt);
        await InboundParties.PauseSequencesAsync(db, party.Lead.Id, "the lead replied by SMS", receivedAt, ct);
        await db.SaveChangesAsync(ct);

        var (conversationId, assignee) = await ConversationFeed.AddMessageAsync(db, party.Lead.Id, contact.Id, ConversationChannel.SMS, text, receivedAt, inbound: true, ct);
        await ConversationFeed.PublishAsync(db, conversationId, assignee, $"New SMS from {who}: {ConversationFeed.Preview(text)}", ct);
        await db.PublishAsync(new LiveEvent(InboxEvents.LeadReplied, party.Lead.Id), ct);
        if (party.Created) await db.PublishAsync(new LiveEvent(Leads.LeadService.ChangedEvent, party.Lead.Id), ct);
        await tx.CommitAsync(ct);
        return new InboundSmsResult(message.Id, party.Lead.Id, false, keyword, eligibilityChanged);
    }
}
