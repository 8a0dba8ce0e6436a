using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Companies;

/// <summary>What the companies grid is narrowed to. Serialisable: saved views store it as JSON.</summary>
public sealed record CompanyFilter
{
    public string? Search { get; init; }
    public List<CompanyStatus> Statuses { get; init; } = [];
    public string? Industry { get; init; }
    public string? IcpTag { get; init; }
    public string? Source { get; init; }
    /// <summary>A user id, or <see cref="Unassigned"/>.</summary>
    public string? AssignedRepId { get; init; }
    public int? MinFleetSize { get; init; }
    public int? MaxFleetSize { get; init; }
    public decimal? MinRating { get; init; }

    public const string Unassigned = "(unassigned)";
}

public enum CompanySort { Name, FleetSize, Rating, Status, Created, Updated }

public sealed record CompanyGridRow(
    string Id, string Name, CompanyStatus Status, string? Phone, string? Industry, string? IcpTag, int? FleetSize,
    decimal? GoogleRating, int? GoogleReviewCount, string? AssignedRepId, string? AssignedRep, DateTime? LastActivityAt);

/// <summary>A page of rows; <see cref="Total"/> stops at <see cref="CompanyGrid.CountCap"/> (then <see cref="TotalIsCapped"/>).</summary>
public sealed record CompanyGridPage(IReadOnlyList<CompanyGridRow> Rows, int Total, bool TotalIsCapped = false);

/// <summary>
/// The companies grid's server work: filter, sort and one page, never the whole table. Sorting by name goes through
/// the indexed normalized_name; "last activity" is looked up only for the rows on the page.
/// </summary>
public static class CompanyGrid
{
    public const int CountCap = 10_000;

    public static IQueryable<Company> Apply(IQueryable<Company> companies, CompanyFilter f)
    {
        if (f.Statuses.Count > 0) companies = companies.Where(c => f.Statuses.Contains(c.Status));
        if (f.Industry is { Length: > 0 } industry) companies = companies.Where(c => c.Industry == industry);
        if (f.IcpTag is { Length: > 0 } icp) companies = companies.Where(c => c.IcpTag == icp);
        if (f.Source is { Length: > 0 } source) companies = companies.Where(c => c.Source == source);
        if (f.AssignedRepId == CompanyFilter.Unassigned) companies = companies.Where(c => c.AssignedRepId == null);
        else if (f.AssignedRepId is { Length: > 0 } rep) companies = companies.Where(c => c.AssignedRepId == rep);
        if (f.MinFleetSize is { } min) companies = companies.Where(c => c.FleetSize >= min);
        if (f.MaxFleetSize is { } max) companies = companies.Where(c => c.FleetSize <= max);
        if (f.MinRating is { } rating) companies = companies.Where(c => c.GoogleRating >= rating);
        if (f.Search?.Trim() is { Length: > 0 } text)
        {
            // As few patterns as the query needs: a phone-looking query checks phones only; words check the normalised name
            // (case, punctuation and suffixes already folded, so a plain LIKE) and the website. Each is a contains-LIKE that
            // the column's trigram index (migration 0008) serves for fragments of 3+ characters; shorter ones scan the table.
            var digits = text.Count(char.IsAsciiDigit);
            if (digits >= 3 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+'))
            {
                var phone = LikePattern.Phone(text);
                companies = companies.Where(c => c.Phone != null && EF.Functions.Like(c.Phone, phone));
            }
            else
            {
                // Websites are matched case-sensitively against the lower-cased query: domains are written lower-case
                // (scrapes and forms alike), and ILIKE doubled the cost of the scan.
                var like = LikePattern.Contains(text.ToLowerInvariant());
                var key = CompanyName.Normalize(text);
                var keyLike = LikePattern.Contains(key);
                companies = companies.Where(c => (key.Length > 0 && EF.Functions.Like(c.NormalizedName, keyLike))
                    || (c.Website != null && EF.Functions.Like(c.Website, like)));
            }
        }
        return companies;
    }

    public static IQueryable<Company> Sort(IQueryable<Company> companies, CompanySort sort, bool descending) => (sort, descending) switch
    {
        (CompanySort.FleetSize, false) => companies.OrderBy(c => c.FleetSize == null).ThenBy(c => c.FleetSize).ThenBy(c => c.Id),
        (CompanySort.FleetSize, true) => companies.OrderBy(c => c.FleetSize == null).ThenByDescending(c => c.FleetSize).ThenBy(c => c.Id),
        (CompanySort.Rating, false) => companies.OrderBy(c => c.GoogleRating == null).ThenBy(c => c.GoogleRating).ThenBy(c => c.Id),
        (CompanySort.Rating, true) => companies.OrderBy(c => c.GoogleRating == null).ThenByDescending(c => c.GoogleRating).ThenBy(c => c.Id),
        (CompanySort.Status, false) => companies.OrderBy(c => c.Status).ThenBy(c => c.NormalizedName),
        (CompanySort.Status, true) => companies.OrderByDescending(c => c.Status).ThenBy(c => c.NormalizedName),
        (CompanySort.Created, false) => companies.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (CompanySort.Created, true) => companies.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
        (CompanySort.Updated, false) => companies.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
        (CompanySort.Updated, true) => companies.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
        (_, false) => companies.OrderBy(c => c.NormalizedName).ThenBy(c => c.Id),
        (_, true) => companies.OrderByDescending(c => c.NormalizedName).ThenBy(c => c.Id),
    };

    public static async Task<CompanyGridPage> PageAsync(CrmDbContext db, CompanyFilter filter, CompanySort sort, bool descending,
        int skip, int take, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, 200);
        var filtered = Apply(db.Companies.AsNoTracking(), filter);
        int total;
        List<CompanyGridRow> rows;
        if (filter.Search is { Length: > 0 } && skip + take <= CountCap + 1)
        {
            // One query returns the sorted ids of the first 10,001 matches, which gives both the count and the page; the
            // page's rows are then read by id. The trigram indexes find the matches and sorting a few thousand ids is cheap;
            // a fragment in a third of all names ("ing") costs most: the name index is walked until 10,001 matches.
            // A separate "LIMIT 25" page query is a trap: the planner walks the name index expecting matches spread over
            // the alphabet, and for clustered ones ("patr" → "Patriot …") reads most of the table (100+ ms at 100k).
            var matching = await Sort(filtered, sort, descending).Select(c => c.Id).Take(CountCap + 1).ToListAsync(ct);
            total = matching.Count;
            var pageIds = matching.Skip(Math.Max(0, skip)).Take(take).ToList();
            var byId = (await Rows(db.Companies.AsNoTracking().Where(c => pageIds.Contains(c.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
            rows = pageIds.Select(id => byId[id]).ToList();
        }
        else
        {
            // Counting every match of a broad filter over 100k companies costs more than the page itself: past the cap
            // the grid says "10,000+" and the user narrows the filter (nobody pages 400 screens deep).
            total = await filtered.Select(c => c.Id).Take(CountCap + 1).CountAsync(ct);
            rows = await Rows(Sort(filtered, sort, descending).Skip(Math.Max(0, skip)).Take(take)).ToListAsync(ct);
        }
        var ids = rows.Select(r => r.Id).ToList();
        var last = await db.Activities.AsNoTracking().Where(a => a.CompanyId != null && ids.Contains(a.CompanyId))
            .GroupBy(a => a.CompanyId!).Select(g => new { g.Key, At = g.Max(a => a.OccurredAt) })
            .ToDictionaryAsync(x => x.Key, x => x.At, ct);
        return new CompanyGridPage(rows.Select(r => r with { LastActivityAt = last.TryGetValue(r.Id, out var at) ? at : null }).ToList(),
            Math.Min(total, CountCap), total > CountCap);
    }

    static IQueryable<CompanyGridRow> Rows(IQueryable<Company> companies) =>
        companies.Select(c => new CompanyGridRow(c.Id, c.Name, c.Status, c.Phone, c.Industry, c.IcpTag, c.FleetSize, c.GoogleRating, c.GoogleReviewCount,
            c.AssignedRepId, c.AssignedRep == null ? null : c.AssignedRep.FirstName + " " + c.AssignedRep.LastName, null));
}
