using System.Globalization;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>The values the builder offers: lead sources and address states in use, and the US time zones.</summary>
public sealed record CallListOptions(List<string> Sources, List<string> States, List<string> TimeZones);

public sealed record CallListRow(string Id, string Name, int LeadCount, int Position, bool IsActive, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>What a build or refresh did. <see cref="Capped"/>: more leads matched than <see cref="CallListService.MaxLeads"/>.</summary>
public sealed record CallListResult(CallList List, int Added, int Removed, bool Capped);

/// <summary>
/// Power-dialer call lists: a snapshot of lead ids (the order the dialer walks) built from a <see cref="CallListFilter"/>,
/// refreshed on demand without losing anyone's place. Each rep's place is the setting
/// <c>dialer.position.&lt;listId&gt;.&lt;userId&gt;</c> (an index into <c>lead_ids</c>); the list's <c>position</c> is the last one saved.
/// </summary>
public sealed class CallListService(IDbContextFactory<CrmDbContext> dbs, SavedViews views, TimeProvider clock)
{
    public const int MaxLeads = 5_000;
    public const string ChangedEvent = "call_list.changed";
    public const string PositionKeyPrefix = "dialer.position.";

    public static string PositionKey(string listId, string userId) => $"{PositionKeyPrefix}{listId}.{userId}";

    public async Task<int> PreviewCountAsync(CallListFilter filter, string? actingUserId = null, CancellationToken ct = default)
    {
        filter = await ResolveAsync(filter, actingUserId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await filter.Apply(db).CountAsync(ct);
    }

    public async Task<CallListResult> BuildAsync(string? name, CallListFilter filter, string actingUserId, CancellationToken ct = default)
    {
        var listName = CheckName(name);
        filter = await ResolveAsync(filter, actingUserId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(120);
        var ids = await CallListFilter.Ordered(db, filter.Apply(db)).Take(MaxLeads + 1).ToListAsync(ct);
        var capped = ids.Count > MaxLeads;
        if (capped) ids.RemoveAt(MaxLeads);
        var now = Now();
        var list = new CallList { Name = listName, FilterCriteria = filter.ToJson(), LeadIds = ids, CreatedAt = now, UpdatedAt = now };
        db.CallLists.Add(list);
        db.Record("call_list.created", $"Call list \"{listName}\" built with {ids.Count:N0} leads{(capped ? $" (capped at {MaxLeads:N0})" : "")}.",
            new { callListId = list.Id, name = listName, leads = ids.Count, capped, filter = filter.ToJson() }, userId: actingUserId, occurredAt: now);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, list.Id), ct);
        return new CallListResult(list, ids.Count, 0, capped);
    }

    /// <summary>
    /// Re-runs the stored filter: leads that no longer match leave, new matches are appended at the end (up to the cap),
    /// and every rep's saved position is moved to the same lead, or the next one still on the list.
    /// </summary>
    public async Task<CallListResult> RefreshAsync(string listId, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(120);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock orders a refresh against another refresh and against the dialer saving a position on the list.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM call_lists WHERE id = {listId} FOR UPDATE", ct);
        var list = await db.CallLists.FirstOrDefaultAsync(l => l.Id == listId, ct)
            ?? throw new ValidationFailedException("callList", "This call list no longer exists.");
        var filter = CallListFilter.FromJson(list.FilterCriteria);
        var old = list.LeadIds;

        var stillMatching = (await filter.Apply(db).Where(l => old.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        var kept = old.Where(stillMatching.Contains).ToList();
        var fresh = await CallListFilter.Ordered(db, filter.Apply(db).Where(l => !old.Contains(l.Id)))
            .Take(MaxLeads - kept.Count + 1).ToListAsync(ct);
        var capped = fresh.Count > MaxLeads - kept.Count;
        if (capped) fresh.RemoveAt(fresh.Count - 1);
        var next = kept.Concat(fresh).ToList();

        var keptIndex = new Dictionary<string, int>(kept.Count);
        for (var i = 0; i < kept.Count; i++) keptIndex[kept[i]] = i;
        int Remap(int position)
        {
            // The lead at the old position if it stayed, else the next one that stayed; past them all, the first new lead.
            for (var i = Math.Max(0, position); i < old.Count; i++)
                if (keptIndex.TryGetValue(old[i], out var at)) return at;
            return kept.Count;
        }

        var prefix = $"{PositionKeyPrefix}{listId}.";
        var positions = await db.Settings.Where(s => s.Key.StartsWith(prefix)).ToListAsync(ct);
        var moved = 0;
        foreach (var setting in positions) // one row per rep who dialed this list, not per lead
        {
            if (DialerSession.ParsePlace(setting.Value) is not { } place) continue;
            var to = Remap(place.Index);
            if (to == place.Index) continue;
            setting.Value = DialerSession.PlaceJson(place with { Index = to, LeadId = to < next.Count ? next[to] : null, Deferred = place.Deferred?.Where(keptIndex.ContainsKey).ToList() });
            setting.UpdatedAt = Now();
            moved++;
        }

        var removed = old.Count - kept.Count;
        var before = new { leads = old.Count, list.Position };
        list.LeadIds = next;
        list.Position = Remap(list.Position);
        list.UpdatedAt = Now();
        db.Record("call_list.refreshed",
            $"Call list \"{list.Name}\" refreshed: {fresh.Count:N0} added, {removed:N0} removed, {next.Count:N0} leads{(capped ? $" (capped at {MaxLeads:N0})" : "")}.",
            new { callListId = list.Id, before, after = new { leads = next.Count, list.Position }, added = fresh.Count, removed, capped, positionsMoved = moved },
            userId: actingUserId, occurredAt: list.UpdatedAt);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, list.Id), ct);
        await tx.CommitAsync(ct);
        return new CallListResult(list, fresh.Count, removed, capped);
    }

    /// <summary>Every list, newest first (lists are few; the lead count is the array's length, not a join).</summary>
    public async Task<List<CallListRow>> ListAsync(bool activeOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.CallLists.AsNoTracking().Where(l => !activeOnly || l.IsActive).OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new CallListRow(l.Id, l.Name, l.LeadIds.Count, l.Position, l.IsActive, l.CreatedAt, l.UpdatedAt))
            .ToListAsync(ct);
    }

    public async Task<CallListOptions> OptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sources = await db.Leads.Where(l => l.Source != null && l.Source != "").Select(l => l.Source!).Distinct().OrderBy(s => s).Take(200).ToListAsync(ct);
        var states = await db.CompanyAddresses.Select(a => a.State).Distinct().OrderBy(s => s).Take(100).ToListAsync(ct);
        var zones = Contacts.AreaCodeTimeZones.All.Values.Select(a => a.TimeZone).Distinct().Order(StringComparer.Ordinal).ToList();
        return new CallListOptions(sources, states, zones);
    }

    public async Task<CallList?> GetAsync(string listId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.CallLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listId, ct);
    }

    public Task RenameAsync(string listId, string? name, string actingUserId, CancellationToken ct = default)
    {
        var listName = CheckName(name);
        return ChangeAsync(listId, actingUserId, "call_list.renamed", list =>
        {
            if (list.Name == listName) return null;
            var before = list.Name;
            list.Name = listName;
            return ($"Call list \"{before}\" renamed to \"{listName}\".", new { callListId = list.Id, before, after = listName });
        }, ct);
    }

    public Task SetActiveAsync(string listId, bool active, string actingUserId, CancellationToken ct = default) =>
        ChangeAsync(listId, actingUserId, active ? "call_list.activated" : "call_list.deactivated", list =>
        {
            if (list.IsActive == active) return null;
            list.IsActive = active;
            return ($"Call list \"{list.Name}\" {(active ? "activated" : "deactivated")}.", new { callListId = list.Id, before = !active, after = active });
        }, ct);

    async Task ChangeAsync(string listId, string actingUserId, string type, Func<CallList, (string Summary, object Detail)?> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await db.CallLists.FirstOrDefaultAsync(l => l.Id == listId, ct)
            ?? throw new ValidationFailedException("callList", "This call list no longer exists.");
        if (change(list) is not { } what) return;
        list.UpdatedAt = Now();
        db.Record(type, what.Summary, what.Detail, userId: actingUserId, occurredAt: list.UpdatedAt);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, list.Id), ct);
    }

    /// <summary>Checks the filter and swaps a saved view's name for its definition (kept with the list).</summary>
    async Task<CallListFilter> ResolveAsync(CallListFilter filter, string? actingUserId, CancellationToken ct)
    {
        var check = new Validation();
        check.Check(filter.MinScore is null or >= 0 and <= 200, "minScore", "The minimum score must be between 0 and 200.");
        check.Check(filter.MaxScore is null or >= 0 and <= 200, "maxScore", "The maximum score must be between 0 and 200.");
        check.Check(filter.MinScore is null || filter.MaxScore is null || filter.MinScore <= filter.MaxScore, "maxScore",
            "The maximum score cannot be below the minimum.");
        check.ThrowIfAny();
        if (string.IsNullOrWhiteSpace(filter.SavedViewName)) return filter with { SavedViewName = null, SavedView = null };
        if (actingUserId is null) throw new ValidationFailedException("savedViewName", "Saved views belong to a user: sign in to use one.");
        var view = (await views.ListAsync<CompanyFilter>("companies", actingUserId, ct))
            .FirstOrDefault(v => string.Equals(v.Name, filter.SavedViewName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationFailedException("savedViewName", $"You have no saved companies view named \"{filter.SavedViewName.Trim()}\".");
        return filter with { SavedViewName = view.Name, SavedView = view.Filter };
    }

    static string CheckName(string? name)
    {
        var text = name?.Trim() ?? "";
        if (text.Length == 0) throw new ValidationFailedException("name", "Give the call list a name.");
        if (text.Length > 100) throw new ValidationFailedException("name", "A call list name has at most 100 characters.");
        return text;
    }

    DateTime Now() => clock.StoredNow();
}
