using GpsLeaders.Data;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Search;

public sealed record SearchHit(string Kind, string Id, string Title, string? Detail, string Href);

/// <summary>
/// The top bar's search: companies by name, website or phone; contacts by name, email or phone; leads through
/// their company or contact. Each kind is capped so none crowds out the others.
/// Speed without new indexes (the V2 schema is fixed): prefix matches go through the indexed normalized_name and
/// email_normalized columns by range, a full phone number through the indexed E.164; only when those leave room
/// does a substring scan run, unordered so that it stops at the first few matches instead of reading every row.
/// </summary>
public static class GlobalSearch
{
    public static async Task<List<SearchHit>> FindAsync(IDbContextFactory<CrmDbContext> dbs, string query, int perKind, CancellationToken ct = default)
    {
        query = query.Trim();
        if (query.Length == 0) return [];
        var like = LikePattern.Contains(query);
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        var isPhone = digits.Length >= 4 && query.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+');
        var e164 = isPhone ? UsPhoneNumbers.ToE164(query) : null;
        var email = query.Contains('@') ? EmailAddress.Normalize(query) : null;
        await using var db = await dbs.CreateDbContextAsync(ct);

        var contacts = await TopUpAsync(perKind,
            e164 is not null ? db.Contacts.Where(c => c.PhoneE164 == e164)
            : isPhone ? null
            : email is not null ? db.Contacts.Where(c => c.EmailNormalized == email)
            : Prefix(db.Contacts, query.ToLowerInvariant()),
            e164 is not null || email is not null ? null // an exact identifier: the index has said all there is
            : isPhone ? db.Contacts.Where(c => c.PhoneE164 != null && c.PhoneE164.Contains(digits))
            : db.Contacts.Where(c => (c.FullName != null && EF.Functions.ILike(c.FullName, like)) || (c.EmailNormalized != null && EF.Functions.ILike(c.EmailNormalized, like))),
            c => c.Id, ct, c => new ContactHit(c.Id, c.FullName, c.Email, c.Phone, c.PhoneE164, c.CompanyId, c.Company == null ? null : c.Company.Name));

        var key = isPhone || email is not null ? "" : CompanyName.Normalize(query);
        var contactCompanies = contacts.Where(c => c.CompanyId != null).Select(c => c.CompanyId!).Distinct().ToList();
        var companies = await TopUpAsync(perKind,
            key.Length > 0 ? db.Companies.WhereNameStartsWith(key)
                : db.Companies.Where(c => contactCompanies.Contains(c.Id)),
            // A full number that found its contacts through the E.164 index has found their companies too; only an unknown
            // number (a company's main line, typed in any format) is worth the scan of the raw phone column.
            isPhone && e164 is not null && contacts.Count > 0 ? null
            : isPhone ? db.Companies.Where(c => c.Phone != null && EF.Functions.Like(c.Phone, LikePattern.Phone(query)))
            : email is not null ? null
            : db.Companies.Where(c => (key.Length > 0 && c.NormalizedName.Contains(key)) || (c.Website != null && EF.Functions.ILike(c.Website, like))),
            c => c.Id, ct, c => new CompanyHit(c.Id, c.Name, c.Phone, c.Website));

        var companyIds = companies.Select(c => c.Id).ToList();
        var contactIds = contacts.Select(c => c.Id).ToList();
        var leads = await db.Leads.AsNoTracking()
            .Where(l => (l.CompanyId != null && companyIds.Contains(l.CompanyId)) || contactIds.Contains(l.ContactId))
            .OrderByDescending(l => l.UpdatedAt).Take(perKind)
            .Select(l => new { l.Id, l.Stage, Company = l.Company == null ? null : l.Company.Name, Contact = l.Contact.FullName ?? l.Contact.Email })
            .ToListAsync(ct);

        return
        [
            .. companies.Select(c => new SearchHit("Company", c.Id, c.Name, c.Phone is null ? c.Website : PhoneDisplay.Format(c.Phone), $"/companies/{c.Id}")),
            .. contacts.Select(c => new SearchHit("Contact", c.Id, ContactRules.DisplayName(c.FullName, c.Email, c.Phone),
                string.Join(" · ", new[] { c.Phone is null ? null : PhoneDisplay.Format(c.Phone), c.Email, c.CompanyName }.Where(s => s is not null)),
                $"/contacts/{c.Id}")),
            .. leads.Select(l => new SearchHit("Lead", l.Id, l.Company ?? l.Contact ?? "Lead", l.Stage.Describe(), $"/leads/{l.Id}")),
        ];
    }

    sealed record CompanyHit(string Id, string Name, string? Phone, string? Website);
    sealed record ContactHit(string Id, string? FullName, string? Email, string? Phone, string? PhoneE164, string? CompanyId, string? CompanyName);

    /// <summary>Contacts whose email starts with the text (the unique email index, by range).</summary>
    static IQueryable<GpsLeaders.Data.Contacts.Contact> Prefix(IQueryable<GpsLeaders.Data.Contacts.Contact> contacts, string text) =>
        text.Contains(' ') ? contacts.Where(_ => false)
        : contacts.Where(c => c.EmailNormalized != null && c.EmailNormalized.CompareTo(text) >= 0 && c.EmailNormalized.CompareTo(LikePattern.PrefixEnd(text)) < 0)
            .OrderBy(c => c.EmailNormalized);

    /// <summary>The indexed matches first (in order), then unordered substring matches to fill the remaining places.</summary>
    static async Task<List<THit>> TopUpAsync<T, THit>(int take, IQueryable<T>? indexed, IQueryable<T>? scan, Func<THit, string> id, CancellationToken ct,
        System.Linq.Expressions.Expression<Func<T, THit>> project) where T : class
    {
        var hits = indexed is null ? [] : await indexed.AsNoTracking().Take(take).Select(project).ToListAsync(ct);
        if (hits.Count < take && scan is not null)
        {
            var found = hits.Select(id).ToHashSet();
            var more = await scan.AsNoTracking().Take(take * 2).Select(project).ToListAsync(ct);
            hits.AddRange(more.Where(h => found.Add(id(h))).Take(take - hits.Count));
        }
        return hits;
    }
}
