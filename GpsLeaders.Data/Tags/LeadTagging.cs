using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GpsLeaders.Data.Tags;

public enum TagChange { Applied, Revived, AlreadyApplied, Removed, NotApplied }

/// <summary>What a tag change did; <see cref="Row"/> is the lead_tags row (null when the tag was never on the lead).</summary>
public sealed record TaggingResult(TagChange Change, LeadTag? Row, Tag Tag)
{
    public bool Changed => Change is TagChange.Applied or TagChange.Revived or TagChange.Removed;
}

/// <summary>A tag shown on a lead.</summary>
public sealed record AppliedTag(string Slug, string Name, TagCategory Category, string? Color, DateTime AppliedAt, string AppliedBy);

/// <summary>
/// Applying and removing tags on a lead. lead_tags holds one row per lead and tag (unique_active_tag):
/// removing sets removedAt, re-applying revives that same row. appliedBy holds the acting user's id
/// (users.id, as activities.user_id does); older rows may hold the V2 default "nick".
/// DISPOSITION tags call <see cref="IDispositionTagHook"/> in the same transaction.
/// </summary>
public sealed class LeadTagging(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock, IDispositionTagHook hook)
{
    public const string ChangedEvent = "lead.tags_changed";

    public Task<TaggingResult> ApplyAsync(string leadId, string tagSlug, string actingUserId, CancellationToken ct = default) =>
        InTransactionAsync(db => ApplyAsync(db, hook, leadId, tagSlug, actingUserId, clock.GetUtcNow().UtcDateTime, ct), ct);

    public Task<TaggingResult> RemoveAsync(string leadId, string tagSlug, string actingUserId, CancellationToken ct = default) =>
        InTransactionAsync(db => RemoveAsync(db, hook, leadId, tagSlug, actingUserId, clock.GetUtcNow().UtcDateTime, ct), ct);

    /// <summary>The lead's active tags in catalog order (tags missing from the catalog show by slug).</summary>
    public async Task<List<AppliedTag>> ActiveTagsAsync(string leadId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await (from lt in db.LeadTags.Where(t => t.LeadId == leadId && t.RemovedAt == null)
                          join tag in db.Tags on lt.TagSlug equals tag.Slug into tags
                          from tag in tags.DefaultIfEmpty()
                          select new { lt.TagSlug, Name = tag == null ? lt.TagSlug : tag.Name, Category = tag == null ? TagCategory.CUSTOM : tag.Category,
                                       Color = tag == null ? null : tag.Color, Order = tag == null ? int.MaxValue : tag.SortOrder, lt.AppliedAt, lt.AppliedBy })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Category).ThenBy(r => r.Order).ThenBy(r => r.Name)
            .Select(r => new AppliedTag(r.TagSlug, r.Name, r.Category, r.Color, r.AppliedAt, r.AppliedBy)).ToList();
    }

    /// <summary>
    /// Applies a tag as part of the caller's unit of work (e.g. the dialer's save): adds the row or revives it, records
    /// the Activity and calls the hook, without saving. The caller saves, then publishes <see cref="ChangedEvent"/> for the lead.
    /// </summary>
    public static async Task<TaggingResult> ApplyAsync(CrmDbContext db, IDispositionTagHook hook, string leadId, string tagSlug,
        string actingUserId, DateTime nowUtc, CancellationToken ct = default)
    {
        var (lead, tag) = await FindAsync(db, leadId, tagSlug, ct);
        var row = await db.LeadTags.FirstOrDefaultAsync(t => t.LeadId == leadId && t.TagSlug == tag.Slug, ct);
        if (row is { RemovedAt: null }) return new TaggingResult(TagChange.AlreadyApplied, row, tag);
        if (!tag.IsActive) throw new ValidationFailedException("tag", $"'{tag.Name}' is deactivated, so it cannot be applied.");
        var change = row is null ? TagChange.Applied : TagChange.Revived;
        if (row is null)
        {
            row = new LeadTag { LeadId = leadId, TagSlug = tag.Slug };
            db.LeadTags.Add(row);
        }
        row.RemovedAt = null;
        row.AppliedAt = nowUtc;
        row.AppliedBy = actingUserId;
        db.Record("lead.tag_applied", $"Tag '{tag.Name}' applied.",
            new { leadTagId = row.Id, tagSlug = tag.Slug, tagName = tag.Name, category = tag.Category.ToString(), revived = change == TagChange.Revived },
            userId: actingUserId, leadId: leadId, companyId: lead.CompanyId, contactId: lead.ContactId, occurredAt: nowUtc);
        if (tag.Category == TagCategory.DISPOSITION) await hook.OnAppliedAsync(db, lead, tag, actingUserId, ct);
        return new TaggingResult(change, row, tag);
    }

    /// <summary>Removes a tag as part of the caller's unit of work (sets removedAt; the row stays for history and revival). No save.</summary>
    public static async Task<TaggingResult> RemoveAsync(CrmDbContext db, IDispositionTagHook hook, string leadId, string tagSlug,
        string actingUserId, DateTime nowUtc, CancellationToken ct = default)
    {
        var (lead, tag) = await FindAsync(db, leadId, tagSlug, ct);
        var row = await db.LeadTags.FirstOrDefaultAsync(t => t.LeadId == leadId && t.TagSlug == tag.Slug, ct);
        if (row is not { RemovedAt: null }) return new TaggingResult(TagChange.NotApplied, row, tag);
        row.RemovedAt = nowUtc;
        db.Record("lead.tag_removed", $"Tag '{tag.Name}' removed.",
            new { leadTagId = row.Id, tagSlug = tag.Slug, tagName = tag.Name, category = tag.Category.ToString(), row.AppliedAt, row.AppliedBy },
            userId: actingUserId, leadId: leadId, companyId: lead.CompanyId, contactId: lead.ContactId, occurredAt: nowUtc);
        if (tag.Category == TagCategory.DISPOSITION) await hook.OnRemovedAsync(db, lead, tag, actingUserId, ct);
        return new TaggingResult(TagChange.Removed, row, tag);
    }

    static async Task<(Lead, Tag)> FindAsync(CrmDbContext db, string leadId, string tagSlug, CancellationToken ct)
    {
        var slug = tagSlug?.Trim().ToLowerInvariant() ?? "";
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, ct)
            ?? throw new ValidationFailedException("leadId", "This lead no longer exists.");
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct)
            ?? throw new ValidationFailedException("tag", $"There is no tag '{slug}' in the catalog.");
        return (lead, tag);
    }

    /// <summary>
    /// One explicit transaction so the hook's own SQL (if any) commits or rolls back with the tag. Two people adding the
    /// same new tag at once collide on unique_active_tag: the loser retries once and then finds the row.
    /// </summary>
    public const int MaxBulkCompanies = 1000;

    /// <summary>
    /// The companies grid's bulk "tag their leads": the tag on every open lead of the selected companies, in one transaction
    /// (all or none), each application with its Activity and, for a disposition tag, its hook. Returns how many leads got it.
    /// </summary>
    public async Task<int> ApplyToCompaniesLeadsAsync(IReadOnlyCollection<string> companyIds, string tagSlug, string actingUserId, CancellationToken ct = default)
    {
        if (companyIds.Count == 0) throw new ValidationFailedException("selection", "Select at least one company.");
        if (companyIds.Count > MaxBulkCompanies) throw new ValidationFailedException("selection", $"Select at most {MaxBulkCompanies} companies at a time.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var leadIds = await db.Leads.Where(l => l.CompanyId != null && companyIds.Contains(l.CompanyId)
                && l.Stage != LeadStage.WON && l.Stage != LeadStage.LOST && l.Stage != LeadStage.BOGUS)
            .OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(ct);
        if (leadIds.Count == 0) throw new ValidationFailedException("selection", "The selected companies have no open leads to tag.");
        var now = clock.GetUtcNow().UtcDateTime;
        var applied = 0;
        foreach (var leadId in leadIds)
            if ((await ApplyAsync(db, hook, leadId, tagSlug, actingUserId, now, ct)).Changed) applied++;
        await db.SaveChangesAsync(ct);
        if (applied > 0) await db.PublishAsync(new LiveEvent(ChangedEvent, leadIds.Count == 1 ? leadIds[0] : null), ct);
        await tx.CommitAsync(ct);
        return applied;
    }

    async Task<TaggingResult> InTransactionAsync(Func<CrmDbContext, Task<TaggingResult>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await change(db);
                if (!result.Changed) return result;
                await db.SaveChangesAsync(ct);
                await db.PublishAsync(new LiveEvent(ChangedEvent, result.Row!.LeadId), ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateException ex) when (attempt == 1 && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                await tx.RollbackAsync(ct);
            }
        }
    }
}
