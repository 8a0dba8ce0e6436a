using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>Sends an email to a lead's contact from a connected account, and records it in the lead's thread and EMAIL conversation.</summary>
public sealed class EmailSending(IDbContextFactory<CrmDbContext> dbs, GmailClient gmail, GmailAccess access, SmtpDelivery smtp, TimeProvider clock)
{
    public const int MaxSubjectLength = 500;
    public const int MaxBodyLength = 100_000;

    /// <summary>A reply from the inbox: only in an EMAIL conversation the viewer may see (otherwise answered as an unknown conversation).</summary>
    public async Task<EmailMessage> ReplyAsync(string conversationId, string subject, string body, InboxViewer viewer, CancellationToken ct = default) =>
        await SendAsync(await InboxVisibility.LeadToReplyToAsync(dbs, conversationId, ConversationChannel.EMAIL, viewer, ct), null, subject, body, viewer.UserId, ct);

    /// <summary>
    /// Sends <paramref name="body"/> (plain text) with <paramref name="subject"/> to the lead's contact, through
    /// <paramref name="emailAccountId"/> (or the acting user's / the first active account when null).
    /// Nothing is recorded unless the provider accepted the message.
    /// </summary>
    public async Task<EmailMessage> SendAsync(string leadId, string? emailAccountId, string subject, string body, string actingUserId, CancellationToken ct = default)
    {
        var title = subject?.Trim() ?? "";
        var text = body?.Trim() ?? "";
        var check = new Validation()
            .Require("subject", title, "A subject")
            .Require("body", text, "A message")
            .Check(title.Length <= MaxSubjectLength, "subject", $"A subject can be at most {MaxSubjectLength} characters.")
            .Check(text.Length <= MaxBodyLength, "body", $"A message can be at most {MaxBodyLength:N0} characters.");
        check.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await db.Leads.Include(l => l.Contact).FirstOrDefaultAsync(l => l.Id == leadId, ct)
            ?? throw new ValidationFailedException("leadId", "That lead no longer exists.");
        var contact = lead.Contact!;
        if (string.IsNullOrWhiteSpace(contact.Email))
            throw new ValidationFailedException("email", $"{ContactName(contact)} has no email address.");
        var account = await AccountAsync(db, emailAccountId, actingUserId, ct);
        var thread = await db.EmailThreads.Where(t => t.LeadId == leadId && t.EmailAccountId == account.Id)
            .OrderByDescending(t => t.LastMessageAt).FirstOrDefaultAsync(ct);

        var at = clock.StoredNow();
        // The row id is chosen before sending so that the Message-ID can carry it (see OutgoingEmail.MessageIdFor).
        var messageId = Guid.CreateVersion7().ToString();
        var parent = thread is null ? null : await ParentAsync(db, account, thread, ct);
        var mail = new OutgoingEmail(account.EmailAddress, account.DisplayName, contact.Email.Trim(), ContactName(contact), title, text, at,
            OutgoingEmail.MessageIdFor(messageId, account.EmailAddress), parent?.MessageId, parent?.References);
        var sent = await DeliverAsync(db, account, mail, thread?.GmailThreadId, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (sent is not null)
        {
            // The sync job may meet this message in the mailbox at the same moment: whoever holds the lock records it.
            await EmailInbound.LockMessageAsync(db, sent.Id, ct);
            var already = await db.EmailMessages.FirstOrDefaultAsync(m => m.GmailMessageId == sent.Id, ct);
            if (already is not null) return already;
        }
        // Gmail may start a new thread (a changed subject does): then so do we.
        if (thread is null || (sent is not null && thread.GmailThreadId is not null && thread.GmailThreadId != sent.ThreadId))
        {
            thread = new EmailThread { LeadId = leadId, EmailAccountId = account.Id, Subject = title, CreatedAt = at };
            db.EmailThreads.Add(thread);
        }
        if (sent is not null && !string.IsNullOrEmpty(sent.ThreadId)) thread.GmailThreadId ??= sent.ThreadId;
        thread.LastMessageAt = at;
        thread.UpdatedAt = at;
        var message = new EmailMessage
        {
            Id = messageId, ThreadId = thread.Id, GmailMessageId = sent?.Id, Direction = MessageDirection.OUTBOUND,
            FromAddress = account.EmailAddress, ToAddress = mail.To, Subject = title, BodyText = text, SentAt = at, CreatedAt = at,
        };
        db.EmailMessages.Add(message);
        await db.SaveChangesAsync(ct);
        var (conversationId, assigneeId) = await ConversationFeed.AddMessageAsync(db, leadId, contact.Id, ConversationChannel.EMAIL,
            $"{title} — {text}", at, inbound: false, ct);
        var sender = await Users.UserAccounts.NameAsync(db, actingUserId, ct);
        db.Record("email.sent", $"{sender} emailed {ContactName(contact)}: {title}",
            new { messageId = message.Id, threadId = thread.Id, emailAccountId = account.Id, account.Provider, to = mail.To, subject = title, gmailMessageId = sent?.Id },
            userId: actingUserId, leadId: leadId, companyId: lead.CompanyId, contactId: contact.Id, occurredAt: at);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await ConversationFeed.PublishAsync(db, conversationId, assigneeId, null, ct);
        return message;
    }

    /// <summary>Hands the message to the provider; Gmail's ids come back (null for SMTP). A refusal names the field to fix.</summary>
    async Task<GmailSent?> DeliverAsync(CrmDbContext db, EmailAccount account, OutgoingEmail mail, string? gmailThreadId, CancellationToken ct)
    {
        if (account.Provider == EmailProviders.Smtp)
        {
            await smtp.SendAsync(account, mail, ct);
            return null;
        }
        var token = await access.AccessTokenAsync(db, account, ct);
        try { return await gmail.SendAsync(token, mail, gmailThreadId, ct); }
        catch (GmailApiException e)
        {
            throw new ValidationFailedException("email", $"Gmail did not send the message ({(e.Status == 0 ? "unreachable" : "HTTP " + e.Status)}: {e.Detail}). Nothing was sent; try again.");
        }
    }

    /// <summary>
    /// The Message-ID (and its References) that a follow-up in <paramref name="thread"/> answers, or null when unknown. V2
    /// keeps no Message-ID column: what the CRM sent through SMTP carries an id derived from its row; anything in a Gmail
    /// mailbox is asked of Gmail. Not knowing it never stops a send: Gmail still threads by threadId.
    /// </summary>
    async Task<ParentMessage?> ParentAsync(CrmDbContext db, EmailAccount account, EmailThread thread, CancellationToken ct)
    {
        const int MaxReferences = 20;
        var earlier = db.EmailMessages.AsNoTracking().Where(m => m.ThreadId == thread.Id)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);
        if (account.Provider == EmailProviders.Smtp)
        {
            var ours = await earlier.Where(m => m.Direction == MessageDirection.OUTBOUND && m.GmailMessageId == null)
                .Select(m => new { m.Id, m.FromAddress }).Take(MaxReferences).ToListAsync(ct);
            if (ours.Count == 0) return null;
            var ids = ours.Select(m => OutgoingEmail.MessageIdFor(m.Id, m.FromAddress)).Reverse().ToList();
            return new ParentMessage(ids[^1], ids);
        }
        var last = await earlier.Where(m => m.GmailMessageId != null).Select(m => m.GmailMessageId).FirstOrDefaultAsync(ct);
        if (last is null) return null;
        try
        {
            var token = await access.AccessTokenAsync(db, account, ct);
            var parent = await gmail.ThreadingAsync(token, last, ct);
            if (parent.MessageId is null) return null;
            return new ParentMessage(parent.MessageId, parent.References.Append(parent.MessageId).TakeLast(MaxReferences).ToList());
        }
        catch (GmailApiException) { return null; }
    }

    static async Task<EmailAccount> AccountAsync(CrmDbContext db, string? emailAccountId, string actingUserId, CancellationToken ct)
    {
        if (emailAccountId is not null)
        {
            var chosen = await db.EmailAccounts.FirstOrDefaultAsync(a => a.Id == emailAccountId, ct)
                ?? throw new ValidationFailedException("emailAccount", "That email account no longer exists.");
            if (!chosen.IsActive) throw new ValidationFailedException("emailAccount", $"{chosen.EmailAddress} is deactivated.");
            return chosen;
        }
        return await db.EmailAccounts.Where(a => a.IsActive)
                   .OrderBy(a => a.UserId == actingUserId ? 0 : 1).ThenBy(a => a.CreatedAt).FirstOrDefaultAsync(ct)
               ?? throw new ValidationFailedException("emailAccount", "No email account is connected yet (Settings → Email accounts).");
    }

    internal static string ContactName(Contact contact) =>
        contact.FullName is { Length: > 0 } full ? full
        : $"{contact.FirstName} {contact.LastName}".Trim() is { Length: > 0 } name ? name
        : contact.Email ?? "the contact";
}

/// <summary>The values of <c>email_accounts.provider</c>.</summary>
public static class EmailProviders
{
    public const string Gmail = "gmail";
    public const string Smtp = "smtp";
}
