using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tags;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Leads;

/// <summary>
/// What a bulk action did: how many selected leads changed, how many were already so, and each refused lead by name
/// with the reason. Refused leads do not stop the others.
/// </summary>
public sealed record LeadBulkResult(int Changed, int Unchanged, IReadOnlyList<string> Refused);

/// <summary>
/// The leads list's bulk actions on selected leads: assign the owner (the company's rep), move the stage under
/// <see cref="LeadStages"/>, apply a tag. Each is one transaction over the selection, with an Activity per change and the
/// live events on commit. A lead the viewer may not see (<see cref="LeadViewer"/>) is refused like a missing one.
/// </summary>
public sealed class LeadBulkActions(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock, IDispositionTagHook hook)
{
    public const int MaxBulk = 1000;

    enum Outcome { Changed, Unchanged, Refused }

    /// <summary>
    /// A lead's owner is its company's assigned rep (V2 has no owner on the lead), so this assigns the companies of the
    /// selected leads; a lead without a company has nobody to own it and is refused.
    /// </summary>
    public async Task<LeadBulkResult> AssignOwnerAsync(IReadOnlyCollection<string> leadIds, string? repId, LeadViewer viewer, CancellationToken ct = default)
    {
        var reassigned = new HashSet<string>();
        return await RunAsync(leadIds, viewer, (db, check) => CompanyService.RepToAssignAsync(db, repId, "repId", check, ct), (db, lead, repName, refuse) =>
        {
            if (lead.Company is not { } company) return Task.FromResult(refuse("it has no company, so it has no rep to change"));
            if (reassigned.Contains(company.Id)) return Task.FromResult(Outcome.Changed); // a second selected lead of the same company
            if (!CompanyService.AssignRep(db, company, repId, repName, viewer.UserId, through: lead)) return Task.FromResult(Outcome.Unchanged);
            reassigned.Add(company.Id);
            return Task.FromResult(Outcome.Changed);
        }, async (db, changed) =>
        {
            await PublishAsync(db, LeadService.ChangedEvent, changed, ct);
            await db.PublishAsync(new LiveEvent(CompanyService.ChangedEvent, reassigned.Count == 1 ? reassigned.First() : null), ct);
        }, ct);
    }

    /// <summary>The stage rules are <see cref="LeadService"/>'s: LOST needs a reason, WON/LOST stamp their times, closing ends sequences.</summary>
    public Task<LeadBulkResult> MoveStageAsync(IReadOnlyCollection<string> leadIds, LeadStage to, string? lostReason, LeadViewer viewer, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return RunAsync<object?>(leadIds, viewer, (_, check) =>
        {
            // The reason rules apply to the whole selection: checked once, on a throwaway lead, with the same rule.
            LeadStages.Apply(new Lead(), to, lostReason, now, check);
            return Task.FromResult<object?>(null);
        }, async (db, lead, _, refuse) =>
        {
            var check = new Validation();
            var move = LeadService.MoveStage(lead, to, lostReason, now, check);
            if (check.HasErrors) return refuse("the stage rules refused it");
            if (!move.Changed) return Outcome.Unchanged;
            await LeadService.RecordMoveAsync(db, move, viewer.UserId, now, ct);
            return Outcome.Changed;
        }, (db, changed) => PublishAsync(db, LeadService.ChangedEvent, changed, ct), ct);
    }

    public Task<LeadBulkResult> ApplyTagAsync(IReadOnlyCollection<string> leadIds, string tagSlug, LeadViewer viewer, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return RunAsync<object?>(leadIds, viewer, async (db, check) =>
        {
            var slug = tagSlug?.Trim().ToLowerInvariant() ?? "";
            var tag = await db.Tags.Where(t => t.Slug == slug).Select(t => new { t.Name, t.IsActive }).FirstOrDefaultAsync(ct);
            if (tag is null) check.Add("tag", "Choose a tag from the catalog.");
            else if (!tag.IsActive) check.Add("tag", $"'{tag.Name}' is deactivated, so it cannot be applied.");
            return null;
        }, async (db, lead, _, _) =>
            (await LeadTagging.ApplyAsync(db, hook, lead.Id, tagSlug!, viewer.UserId, now, ct)).Changed ? Outcome.Changed : Outcome.Unchanged,
            (db, changed) => PublishAsync(db, LeadTagging.ChangedEvent, changed, ct), ct);
    }

    /// <summary>
    /// The frame of every bulk action: check the selection and the action's input (a failure refuses the whole action),
    /// then change each visible lead in id order (a stable lock order), save, publish and commit once.
    /// </summary>
    async Task<LeadBulkResult> RunAsync<TContext>(IReadOnlyCollection<string> leadIds, LeadViewer viewer,
        Func<CrmDbContext, Validation, Task<TContext>> prepare,
        Func<CrmDbContext, Lead, TContext, Func<string, Outcome>, Task<Outcome>> change,
        Func<CrmDbContext, IReadOnlyList<string>, Task> publish, CancellationToken ct)
    {
        var ids = leadIds.Distinct().ToList();
        if (ids.Count == 0) throw new ValidationFailedException("selection", "Select at least one lead.");
        if (ids.Count > MaxBulk) throw new ValidationFailedException("selection", $"Select at most {MaxBulk} leads at a time.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var check = new Validation();
        var context = await prepare(db, check);
        check.ThrowIfAny();
        var leads = await db.Leads.VisibleTo(viewer).Where(l => ids.Contains(l.Id)).Include(l => l.Company).Include(l => l.Contact)
            .OrderBy(l => l.Id).ToListAsync(ct);
        var refused = new List<string>();
        var changed = new List<string>();
        var unchanged = 0;
        foreach (var lead in leads)
        {
            var name = ContactRules.DisplayName(lead.Contact) + (lead.Company is { } c ? $" ({c.Name})" : "");
            var outcome = await change(db, lead, context, reason => { refused.Add($"{name}: {reason}."); return Outcome.Refused; });
            if (outcome == Outcome.Changed) changed.Add(lead.Id);
            else if (outcome == Outcome.Unchanged) unchanged++;
        }
        var missing = ids.Count - leads.Count;
        if (missing > 0) refused.Add($"{missing} selected lead{(missing == 1 ? " is" : "s are")} gone or not yours to change.");
        if (changed.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            await publish(db, changed);
        }
        await tx.CommitAsync(ct);
        return new LeadBulkResult(changed.Count, unchanged, refused);
    }

    // Open lead pages listen for their own id: each changed lead gets its event (one NOTIFY each, delivered on commit).
    static async Task PublishAsync(CrmDbContext db, string type, IReadOnlyList<string> changed, CancellationToken ct)
    {
        foreach (var id in changed) await db.PublishAsync(new LiveEvent(type, id), ct);
    }
}
