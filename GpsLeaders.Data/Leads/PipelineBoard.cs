using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Leads;

/// <summary>What the pipeline board is narrowed to.</summary>
public sealed record LeadFilter
{
    public string? Search { get; init; }
    public bool RottingOnly { get; init; }
}

public sealed record LeadCard(
    string Id, LeadStage Stage, string? CompanyId, string? Company, string Contact, string? Source, decimal? EstimatedRevenue, bool IsDnc,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? LastActivityAt, bool Rotting, int? Score, DealRisk? Risk, string? AssignedRep);

public sealed record PipelineColumn(LeadStage Stage, int Count, decimal EstimatedRevenue, int RottingDays, IReadOnlyList<LeadCard> Cards);

/// <summary>
/// The board's server work: counts and revenue per stage over every matching lead (one GROUP BY), then the newest
/// cards of each column (through the created_at index: no sort of a whole stage); last activity (for rotting) is looked up for the cards shown only.
/// </summary>
public static class PipelineBoard
{
    public const int CardsPerColumn = 40;

    public static IQueryable<Lead> Apply(IQueryable<Lead> leads, LeadFilter f)
    {
        if (f.Search?.Trim() is { Length: > 0 } text)
        {
            var like = Platform.LikePattern.Contains(text);
            leads = leads.Where(l => (l.Company != null && EF.Functions.ILike(l.Company.Name, like))
                || (l.Contact.FullName != null && EF.Functions.ILike(l.Contact.FullName, like))
                || (l.Contact.EmailNormalized != null && EF.Functions.ILike(l.Contact.EmailNormalized, like)));
        }
        return leads;
    }

    public static async Task<List<PipelineColumn>> LoadAsync(CrmDbContext db, LeadFilter filter, DateTime now, CancellationToken ct = default)
    {
        var rotting = await PipelineSettings.RottingDaysAsync(db, ct);
        var leads = Apply(db.Leads.AsNoTracking(), filter);
        var totals = await leads.GroupBy(l => l.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count(), Revenue = g.Sum(l => l.EstimatedRevenue ?? 0) })
            .ToDictionaryAsync(x => x.Stage, ct);
        var cards = new List<LeadCard>();
        foreach (var stage in LeadStages.Board.Where(s => totals.ContainsKey(s)))
            cards.AddRange(await Cards(leads.Where(l => l.Stage == stage).OrderByDescending(l => l.CreatedAt).Take(CardsPerColumn)).ToListAsync(ct));
        cards = await WithActivityAsync(db, cards, rotting, now, ct);
        return LeadStages.Board.Select(stage => new PipelineColumn(stage,
            totals.TryGetValue(stage, out var t) ? t.Count : 0, t?.Revenue ?? 0, rotting.GetValueOrDefault(stage),
            cards.Where(c => c.Stage == stage).Where(c => !filter.RottingOnly || c.Rotting).ToList())).ToList();
    }

    public static IQueryable<LeadCard> Cards(IQueryable<Lead> leads) => leads.Select(l => new LeadCard(
        l.Id, l.Stage, l.CompanyId, l.Company == null ? null : l.Company.Name, l.Contact.FullName ?? l.Contact.Email ?? l.Contact.Phone ?? "(no name)",
        l.Source, l.EstimatedRevenue, l.IsDnc, l.CreatedAt, l.UpdatedAt, null, false,
        l.LeadScore == null ? null : l.LeadScore.QualityScore + l.LeadScore.EngagementScore, l.LeadScore == null ? null : l.LeadScore.DealRisk,
        l.Company == null || l.Company.AssignedRep == null ? null : l.Company.AssignedRep.FirstName + " " + l.Company.AssignedRep.LastName));

    /// <summary>Fills last activity (any call, message, note or task leaves one) and marks open leads past their stage's days.</summary>
    public static async Task<List<LeadCard>> WithActivityAsync(CrmDbContext db, List<LeadCard> cards, IReadOnlyDictionary<LeadStage, int> rotting, DateTime now, CancellationToken ct)
    {
        var ids = cards.Select(c => c.Id).ToList();
        var last = await db.Activities.AsNoTracking().Where(a => a.LeadId != null && ids.Contains(a.LeadId))
            .GroupBy(a => a.LeadId!).Select(g => new { g.Key, At = g.Max(a => a.OccurredAt) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        return cards.Select(c =>
        {
            DateTime? at = last.TryGetValue(c.Id, out var a) ? a : null;
            var since = at ?? c.CreatedAt;
            var isRotting = rotting.TryGetValue(c.Stage, out var days) && !LeadStages.IsClosed(c.Stage) && now - since > TimeSpan.FromDays(days);
            return c with { LastActivityAt = at, Rotting = isRotting };
        }).ToList();
    }
}
