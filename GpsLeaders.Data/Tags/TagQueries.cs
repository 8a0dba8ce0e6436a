using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Tags;

/// <summary>The tag screens' reads beyond the catalog itself.</summary>
public sealed class TagQueries(IDbContextFactory<CrmDbContext> dbs)
{
    /// <summary>Leads each tag is on now, by slug. Removed history also blocks a delete; the catalog says so.</summary>
    public async Task<Dictionary<string, int>> LeadsPerTagAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.LeadTags.Where(t => t.RemovedAt == null).GroupBy(t => t.TagSlug).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>
    /// Who applied the tags, by the applied_by values given: user ids read as names. Values that are no user id
    /// (rows from before, V2's default "nick") are their own name.
    /// </summary>
    public async Task<Dictionary<string, string>> AppliersAsync(IEnumerable<string> appliedBy, CancellationToken ct = default)
    {
        var ids = appliedBy.Distinct().ToList();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, ct);
        return ids.ToDictionary(id => id, id => names.GetValueOrDefault(id, id));
    }
}
