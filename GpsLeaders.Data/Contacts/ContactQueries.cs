using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Contacts;

public sealed record ContactGridRow(string Id, string Name, string? CompanyId, string? Company, string? Email, string? Phone, string? PhoneE164,
    bool SmsEligible, string? Timezone, string? PhoneType = null);

public sealed record ContactGridPage(IReadOnlyList<ContactGridRow> Rows, int Total);

public sealed record ContactLeadRow(string Id, LeadStage Stage, DateTime CreatedAt);

/// <summary>A contact as its page shows it: the contact, its company (if any) and its leads, newest first.</summary>
public sealed record ContactPage(Contact Contact, IReadOnlyList<ContactLeadRow> Leads);

/// <summary>Reads for the contact screens: the server-paged list, a company's contacts and one contact's page.</summary>
public sealed class ContactQueries(IDbContextFactory<CrmDbContext> dbs)
{
    /// <summary>One page of contacts by name; the search matches a phone in any format (as E.164), the name or the email.</summary>
    public async Task<ContactGridPage> PageAsync(string? search, int skip, int take, bool descending = false, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var contacts = db.Contacts.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } text)
        {
            var like = LikePattern.Contains(text);
            var e164 = UsPhoneNumbers.ToE164(text);
            contacts = contacts.Where(c => (e164 != null && c.PhoneE164 == e164)
                || (c.FullName != null && EF.Functions.ILike(c.FullName, like))
                || (c.EmailNormalized != null && EF.Functions.ILike(c.EmailNormalized, like)));
        }
        var total = await contacts.CountAsync(ct);
        var ordered = descending ? contacts.OrderByDescending(c => c.FullName).ThenByDescending(c => c.Id) : contacts.OrderBy(c => c.FullName).ThenBy(c => c.Id);
        var rows = await ordered.Skip(skip).Take(take)
            .Select(c => new ContactGridRow(c.Id, ContactRules.DisplayName(c.FullName, c.Email, c.Phone), c.CompanyId, c.Company == null ? null : c.Company.Name,
                c.Email, c.Phone, c.PhoneE164, c.IsSmsEligible, c.Timezone, c.PhoneType))
            .ToListAsync(ct);
        return new ContactGridPage(rows, total);
    }

    public async Task<List<Contact>> OfCompanyAsync(string companyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking().Where(c => c.CompanyId == companyId).OrderBy(c => c.FullName).Take(200).ToListAsync(ct);
    }

    /// <summary>The contact with its company and leads, or null when there is no such contact.</summary>
    public async Task<ContactPage?> PageOfAsync(string contactId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Company).FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return null;
        var leads = await db.Leads.AsNoTracking().Where(l => l.ContactId == contactId).OrderByDescending(l => l.CreatedAt)
            .Select(l => new ContactLeadRow(l.Id, l.Stage, l.CreatedAt)).ToListAsync(ct);
        return new ContactPage(contact, leads);
    }
}
