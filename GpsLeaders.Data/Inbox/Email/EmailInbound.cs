using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>An email met in a connected mailbox (from the sync job, or the dev simulator).</summary>
public sealed record InboundEmail(string? GmailMessageId, string? GmailThreadId, string From, string? FromName, string To, string? Subject,
    string? Text, string? Html, DateTime SentAt);

/// <summary>
/// Files an email found in a mailbox on its lead: thread, message, EMAIL conversation, paused sequences, Activity, all
/// in one transaction and at most once per Gmail message id. Mail the account itself sent (from Gmail directly, or
/// through the CRM before the sync saw it) is kept as outbound: it is not unread and does not count as a reply.
/// </summary>
public sealed class EmailInbound(IDbContextFactory<CrmDbContext> dbs)
{
    /// <summary>The stored message, or null when it was already there (or is the account's own mail to nobody the CRM knows).</summary>
    public async Task<EmailMessage?> ReceiveAsync(string emailAccountId, InboundEmail mail, CancellationToken ct = default)
    {
        var from = EmailAddress.Normalize(mail.From) ?? throw new ValidationFailedException("from", "An inbound email needs a sender address.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.EmailAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == emailAccountId, ct)
            ?? throw new ValidationFailedException("emailAccountId", "That email account no longer exists.");
        var at = StoredTime.Of(mail.SentAt);
        var subject = mail.Subject?.Trim() is { Length: > 0 } s ? s : "(no subject)";
        var text = mail.Text ?? (mail.Html is null ? null : EmailHtml.ToPlainText(mail.Html));
        var outbound = from == EmailAddress.Normalize(account.EmailAddress);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (mail.GmailMessageId is { } gmailId)
        {
            await LockMessageAsync(db, gmailId, ct);
            if (await db.EmailMessages.AnyAsync(m => m.GmailMessageId == gmailId, ct)) return null;
        }
        // A reply in a known thread belongs to that thread's lead, even from a colleague's address.
        var thread = mail.GmailThreadId is null ? null : await db.EmailThreads
            .Where(t => t.EmailAccountId == emailAccountId && t.GmailThreadId == mail.GmailThreadId).OrderBy(t => t.CreatedAt).FirstOrDefaultAsync(ct);
        var (leadId, contactId) = thread?.LeadId is { } known
            ? (known, await db.Leads.Where(l => l.Id == known).Select(l => l.ContactId).FirstAsync(ct))
            : await PartyAsync(db, outbound, mail, from, ct);
        if (leadId is null) return null;

        var lead = await db.Leads.AsNoTracking().FirstAsync(l => l.Id == leadId, ct);
        if (thread is null)
        {
            thread = new EmailThread { LeadId = leadId, EmailAccountId = emailAccountId, GmailThreadId = mail.GmailThreadId, Subject = subject, CreatedAt = at, UpdatedAt = at };
            db.EmailThreads.Add(thread);
        }
        thread.LeadId ??= leadId;
        if (thread.LastMessageAt is null || thread.LastMessageAt < at) thread.LastMessageAt = at;
        thread.UpdatedAt = at;
        var message = new EmailMessage
        {
            ThreadId = thread.Id, GmailMessageId = mail.GmailMessageId, Direction = outbound ? MessageDirection.OUTBOUND : MessageDirection.INBOUND,
            FromAddress = mail.From.Trim(), ToAddress = mail.To.Trim(), Subject = subject, BodyText = text, BodyHtml = mail.Html, SentAt = at, CreatedAt = at,
        };
        db.EmailMessages.Add(message);
        await db.SaveChangesAsync(ct);
        var (conversationId, assigneeId) = await ConversationFeed.AddMessageAsync(db, leadId, contactId, ConversationChannel.EMAIL,
            $"{subject} — {text}", at, inbound: !outbound, ct);
        var who = mail.FromName is { Length: > 0 } name ? name : mail.From.Trim();
        if (outbound)
            db.Record("email.sent", $"{account.EmailAddress} emailed {mail.To.Trim()} from the mailbox: {subject}",
                new { messageId = message.Id, threadId = thread.Id, emailAccountId, gmailMessageId = mail.GmailMessageId, subject, via = "mailbox" },
                leadId: leadId, companyId: lead.CompanyId, contactId: contactId, occurredAt: at);
        else
        {
            await InboundParties.PauseSequencesAsync(db, leadId, "the lead replied by email", at, ct);
            db.Record("email.received", $"Email from {who}: {subject}",
                new { messageId = message.Id, threadId = thread.Id, emailAccountId, gmailMessageId = mail.GmailMessageId, from = mail.From.Trim(), subject },
                leadId: leadId, companyId: lead.CompanyId, contactId: contactId, occurredAt: at);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await ConversationFeed.PublishAsync(db, conversationId, assigneeId, outbound ? null : $"New email from {who}: {subject}", ct);
        if (!outbound) await db.PublishAsync(new LiveEvent(InboxEvents.LeadReplied, leadId), ct);
        return message;
    }

    /// <summary>
    /// Who the mail is about. Inbound: its sender (a stranger becomes a contact and lead, source inbound_email).
    /// The account's own mail: its recipient, only when the CRM already knows them; personal mail is not the CRM's.
    /// </summary>
    static async Task<(string? LeadId, string? ContactId)> PartyAsync(CrmDbContext db, bool outbound, InboundEmail mail, string from, CancellationToken ct)
    {
        if (!outbound)
        {
            var party = await InboundParties.ByEmailAsync(db, from, mail.FromName, "inbound_email", ct);
            return (party.Lead.Id, party.Contact.Id);
        }
        var to = EmailAddress.Normalize(mail.To);
        if (to is null) return (null, null);
        var known = await db.Leads.Where(l => l.Contact!.EmailNormalized == to)
            .OrderByDescending(l => l.CreatedAt).Select(l => new { l.Id, l.ContactId }).FirstOrDefaultAsync(ct);
        return known is null ? (null, null) : (known.Id, known.ContactId);
    }

    /// <summary>Serialises the recording of one Gmail message (sync and send may both meet it) until the transaction ends.</summary>
    internal static Task LockMessageAsync(CrmDbContext db, string gmailMessageId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"gmail-message:" + gmailMessageId}, 0))", ct);
}
