using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Sequences;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

/// <summary>The contact and lead an inbound message or booking belongs to.</summary>
public sealed record InboundParty(Contact Contact, Lead Lead, bool Created);

/// <summary>
/// Finds who wrote in, by E.164 phone or normalised email; an unknown sender becomes a new contact with a lead
/// (source <c>inbound_sms</c> / <c>inbound_email</c> / …). Callers run inside a transaction: the advisory lock
/// on the address keeps two simultaneous first messages from the same stranger from creating two contacts.
/// </summary>
public static class InboundParties
{
    public static async Task<InboundParty> ByPhoneAsync(CrmDbContext db, string phone, string source, CancellationToken ct)
    {
        var e164 = UsPhoneNumbers.ToE164(phone);
        var raw = phone.Trim();
        await LockAsync(db, "phone:" + (e164 ?? raw), ct);
        // A number that does not normalise (a short code, a mistyped or foreign one) is kept raw on its contact: match it there,
        // or every text from it would make another contact.
        var matches = e164 is not null
            ? db.Contacts.Where(c => c.PhoneE164 == e164)
            : db.Contacts.Where(c => c.PhoneE164 == null && c.Phone == raw);
        var contact = await matches.OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        return await ResolveAsync(db, contact, new ContactInput(null, null, Phone: e164 ?? raw, Source: source), source, ct);
    }

    public static async Task<InboundParty> ByEmailAsync(CrmDbContext db, string email, string? name, string source, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(email) ?? throw new Platform.ValidationFailedException("email", "An email address is required.");
        await LockAsync(db, "email:" + normalized, ct);
        var contact = await db.Contacts.Where(c => c.EmailNormalized == normalized).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        var (first, last) = SplitName(name);
        return await ResolveAsync(db, contact, new ContactInput(first, last, Email: normalized, PhoneType: null, Source: source), source, ct);
    }

    static async Task<InboundParty> ResolveAsync(CrmDbContext db, Contact? contact, ContactInput newContact, string source, CancellationToken ct)
    {
        if (contact is not null)
        {
            // The most recent open lead is the one being talked about; a closed history still gets the message.
            var lead = await db.Leads.Where(l => l.ContactId == contact.Id)
                .OrderBy(l => l.Stage == LeadStage.WON || l.Stage == LeadStage.LOST || l.Stage == LeadStage.BOGUS)
                .ThenByDescending(l => l.CreatedAt).FirstOrDefaultAsync(ct);
            if (lead is not null) return new InboundParty(contact, lead, false);
            var added = LeadService.Add(db, new Lead { ContactId = contact.Id, CompanyId = contact.CompanyId, Source = source }, contact, null, null, $"from an inbound message ({source})");
            await db.SaveChangesAsync(ct);
            return new InboundParty(contact, added, true);
        }
        var created = await ContactService.AddAsync(db, newContact, null, ct);
        var newLead = LeadService.Add(db, new Lead { ContactId = created.Id, Source = source }, created, null, null, $"from an inbound message ({source})");
        await db.SaveChangesAsync(ct);
        return new InboundParty(created, newLead, true);
    }

    /// <summary>A reply pauses the lead's running sequences (they resume by hand or by the sequence rules).</summary>
    public static async Task<int> PauseSequencesAsync(CrmDbContext db, string leadId, string reason, DateTime at, CancellationToken ct)
    {
        var runs = await db.SequenceRuns.Where(r => r.LeadId == leadId && r.Status == SequenceStatus.ACTIVE).ToListAsync(ct);
        foreach (var run in runs)
        {
            run.Status = SequenceStatus.PAUSED;
            run.PausedAt = at;
            run.PausedReason = reason;
            db.Record("sequence.paused", $"Sequence paused: {reason}.", new { runId = run.Id, run.TagSlug, reason }, leadId: leadId, occurredAt: at);
        }
        return runs.Count;
    }

    static Task LockAsync(CrmDbContext db, string key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"inbound:" + key}, 0))", ct);

    static (string? First, string? Last) SplitName(string? name)
    {
        var parts = (name ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch { 0 => (null, null), 1 => (parts[0], null), _ => (parts[0], parts[1]) };
    }
}
