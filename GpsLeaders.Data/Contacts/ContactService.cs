using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GpsLeaders.Data.Contacts;

/// <summary>Creating and editing contacts under <see cref="ContactRules"/>, each with its Activity and live event.</summary>
public sealed class ContactService(IDbContextFactory<CrmDbContext> dbs)
{
    public const string ChangedEvent = "contact.changed";

    public async Task<Contact> CreateAsync(ContactInput input, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var contact = await AddAsync(db, input, actingUserId, ct);
        await SaveAsync(db, contact, ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, contact.Id), ct);
        return contact;
    }

    /// <summary>
    /// Validates and adds a new contact to <paramref name="db"/> without saving, for use cases that create one
    /// as part of something larger (a lead with an inline contact, an import row).
    /// </summary>
    public static async Task<Contact> AddAsync(CrmDbContext db, ContactInput input, string? actingUserId, CancellationToken ct)
    {
        var contact = new Contact();
        var check = new Validation();
        ContactRules.Apply(contact, input, check);
        check.ThrowIfAny();
        await RefuseDuplicateEmailAsync(db, contact, ct);
        db.Contacts.Add(contact);
        db.Record("contact.created", $"Contact {ContactRules.DisplayName(contact)} added.",
            new { contact.Email, contact.PhoneE164, contact.Timezone }, userId: actingUserId, companyId: contact.CompanyId, contactId: contact.Id);
        return contact;
    }

    /// <summary>Saves changes made from a form opened at <paramref name="version"/>; a stale version is a conflict.</summary>
    public async Task<Contact> UpdateAsync(string contactId, uint version, ContactInput input, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct)
            ?? throw new ValidationFailedException("contact", "This contact no longer exists.");
        db.Entry(contact).Property(c => c.Version).OriginalValue = version;
        var before = new { contact.FullName, contact.Email, contact.Phone, contact.Timezone, contact.IsSmsEligible, contact.CompanyId };
        var check = new Validation();
        ContactRules.Apply(contact, input, check);
        check.ThrowIfAny();
        await RefuseDuplicateEmailAsync(db, contact, ct);
        var after = new { contact.FullName, contact.Email, contact.Phone, contact.Timezone, contact.IsSmsEligible, contact.CompanyId };
        db.Record("contact.updated", $"Contact {ContactRules.DisplayName(contact)} edited.", new { before, after },
            userId: actingUserId, companyId: contact.CompanyId, contactId: contact.Id);
        await SaveAsync(db, contact, ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, contact.Id), ct);
        return contact;
    }

    static async Task RefuseDuplicateEmailAsync(CrmDbContext db, Contact contact, CancellationToken ct)
    {
        if (contact.EmailNormalized is null) return;
        var existing = await db.Contacts.AsNoTracking()
            .Where(c => c.EmailNormalized == contact.EmailNormalized && c.Id != contact.Id)
            .Select(c => new { c.Id, c.FullName, c.Email })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw new DuplicateContactException(existing.Id, existing.FullName ?? existing.Email ?? "another contact", contact.EmailNormalized);
    }

    /// <summary>The unique index is the last word when two people add the same email at once.</summary>
    static async Task SaveAsync(CrmDbContext db, Contact contact, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("contact"); }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "contacts_email_normalized_key" })
        {
            throw new ValidationFailedException("email", $"{contact.EmailNormalized} already belongs to another contact.");
        }
    }
}
