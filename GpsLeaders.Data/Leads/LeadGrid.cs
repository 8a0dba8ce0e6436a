using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Leads;

/// <summary>What the leads list is narrowed to. Serialisable: saved views store it as JSON.</summary>
public sealed record LeadGridFilter
{
    public string? Search { get; init; }
    public List<LeadStage> Stages { get; init; } = [];
    /// <summary>The owner (the company's rep): a user id, or <see cref="Unassigned"/>.</summary>
    public string? RepId { get; init; }
    public string? Source { get; init; }
    public string? TagSlug { get; init; }

    public const string Unassigned = "(unassigned)";
}

public enum LeadSort { Name, Stage, Score, Created }

/// <summary>A row of the leads list. <see cref="Name"/> is the company's name, or the contact's for a lead without a company.</summary>
public sealed record LeadGridRow(
    string Id, string Name, string Contact, LeadStage Stage, string? RepId, string? Rep, string? Source, int? Score,
    DateTime CreatedAt, DateTime? LastActivityAt, IReadOnlyList<string> Tags);

/// <summary>A page of rows; <see cref="Total"/> stops at <see cref="LeadGrid.CountCap"/> (then <see cref="TotalIsCapped"/>).</summary>
public sealed record LeadGridPage(IReadOnlyList<LeadGridRow> Rows, int Total, bool TotalIsCapped = false);

/// <summary>
/// The leads list's server work: the viewer's leads filtered, sorted and one page; last activity and tags are looked up
/// for the rows on the page only.
/// </summary>
public static class LeadGrid
{
    public const int CountCap = 10_000;

    public static IQueryable<Lead> Apply(IQueryable<Lead> leads, LeadGridFilter f)
    {
        if (f.Stages.Count > 0) leads = leads.Where(l => f.Stages.Contains(l.Stage));
        if (f.RepId == LeadGridFilter.Unassigned) leads = leads.Where(l => l.Company == null || l.Company.AssignedRepId == null);
        else if (f.RepId is { Length: > 0 } rep) leads = leads.Where(l => l.Company != null && l.Company.AssignedRepId == rep);
        if (f.Source is { Length: > 0 } source) leads = leads.Where(l => l.Source == source);
        if (f.TagSlug is { Length: > 0 } tag) leads = leads.Where(l => l.Tags.Any(t => t.TagSlug == tag && t.RemovedAt == null));
        // The same text match as the pipeline board's search: company name, contact name or email.
        return PipelineBoard.Apply(leads, new LeadFilter { Search = f.Search });
    }

    public static IQueryable<Lead> Sort(IQueryable<Lead> leads, LeadSort sort, bool descending) => (sort, descending) switch
    {
        (LeadSort.Stage, false) => leads.OrderBy(l => l.Stage).ThenByDescending(l => l.CreatedAt).ThenBy(l => l.Id),
        (LeadSort.Stage, true) => leads.OrderByDescending(l => l.Stage).ThenByDescending(l => l.CreatedAt).ThenBy(l => l.Id),
        (LeadSort.Score, false) => leads.OrderBy(l => l.LeadScore == null).ThenBy(l => l.LeadScore!.QualityScore + l.LeadScore.EngagementScore).ThenBy(l => l.Id),
        (LeadSort.Score, true) => leads.OrderBy(l => l.LeadScore == null).ThenByDescending(l => l.LeadScore!.QualityScore + l.LeadScore.EngagementScore).ThenBy(l => l.Id),
        (LeadSort.Created, false) => leads.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id),
        (LeadSort.Created, true) => leads.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id),
        (_, false) => leads.OrderBy(l => l.Company != null ? l.Company.Name : l.Contact.FullName).ThenBy(l => l.Id),
        (_, true) => leads.OrderByDescending(l => l.Company != null ? l.Company.Name : l.Contact.FullName).ThenBy(l => l.Id),
    };

    public static async Task<LeadGridPage> PageAsync(CrmDbContext db, LeadGridFilter filter, LeadViewer viewer, LeadSort sort, bool descending,
        int skip, int take, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, 200);
        var filtered = Apply(db.Leads.AsNoTracking().VisibleTo(viewer), filter);
        // Past the cap the list says "10,000+" and the user narrows the filter, as the companies grid does.
        var total = await filtered.Select(l => l.Id).Take(CountCap + 1).CountAsync(ct);
        var rows = (await Sort(filtered, sort, descending).Skip(Math.Max(0, skip)).Take(take)
            .Select(l => new
            {
                l.Id, Company = l.Company != null ? l.Company.Name : null, l.Contact.FullName, l.Contact.Email, l.Contact.Phone, l.Stage,
                RepId = l.Company == null ? null : l.Company.AssignedRepId,
                Rep = l.Company == null || l.Company.AssignedRep == null ? null : l.Company.AssignedRep.FirstName + " " + l.Company.AssignedRep.LastName,
                l.Source, Score = l.LeadScore == null ? (int?)null : l.LeadScore.QualityScore + l.LeadScore.EngagementScore, l.CreatedAt,
            })
            .ToListAsync(ct))
            .Select(r =>
            {
                var contact = Contacts.ContactRules.DisplayName(r.FullName, r.Email, r.Phone);
                return new LeadGridRow(r.Id, r.Company ?? contact, contact, r.Stage, r.RepId, r.Rep, r.Source, r.Score, r.CreatedAt, null, []);
            })
            .ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var last = await db.Activities.AsNoTracking().Where(a => a.LeadId != null && ids.Contains(a.LeadId))
            .GroupBy(a => a.LeadId!).Select(g => new { g.Key, At = g.Max(a => a.OccurredAt) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var tags = (await (from lt in db.LeadTags.AsNoTracking().Where(t => ids.Contains(t.LeadId) && t.RemovedAt == null)
                           join tag in db.Tags on lt.TagSlug equals tag.Slug into found
                           from tag in found.DefaultIfEmpty()
                           select new { lt.LeadId, Name = tag == null ? lt.TagSlug : tag.Name, Order = tag == null ? int.MaxValue : tag.SortOrder })
                .ToListAsync(ct))
            .GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(t => t.Order).ThenBy(t => t.Name).Select(t => t.Name).ToList());
        return new LeadGridPage(rows.Select(r => r with
        {
            LastActivityAt = last.TryGetValue(r.Id, out var at) ? at : null,
            Tags = tags.TryGetValue(r.Id, out var t) ? t : [],
        }).ToList(), Math.Min(total, CountCap), total > CountCap);
    }
}
