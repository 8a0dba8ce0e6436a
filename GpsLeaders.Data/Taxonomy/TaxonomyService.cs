using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Taxonomy;

/// <summary>
/// The dropdown lists operators edit (industries, sources, vendors…): add, rename, reorder, deactivate.
/// Values are never deleted, since records keep the text they were given; deactivated values leave the forms.
/// </summary>
public sealed class TaxonomyService(IDbContextFactory<CrmDbContext> dbs)
{
    public const string ChangedEvent = "taxonomy.changed";
    public const int MaxLength = 100;

    /// <summary>What forms offer: the active values of one list, in their order.</summary>
    public async Task<List<string>> ActiveValuesAsync(TaxonomyType type, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.TaxonomyValues.Where(v => v.Type == type && v.Active).OrderBy(v => v.SortOrder).ThenBy(v => v.Value)
            .Select(v => v.Value).ToListAsync(ct);
    }

    /// <summary>Every value of one list, active or not, in their order (Settings → Lists).</summary>
    public async Task<List<TaxonomyValue>> ValuesAsync(TaxonomyType type, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.TaxonomyValues.AsNoTracking().Where(v => v.Type == type).OrderBy(v => v.SortOrder).ThenBy(v => v.Value).ToListAsync(ct);
    }

    public async Task<TaxonomyValue> AddAsync(TaxonomyType type, string? value, string actingUserId, CancellationToken ct = default)
    {
        var text = Check(value);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await RefuseDuplicateAsync(db, type, text, null, ct);
        var last = await db.TaxonomyValues.Where(v => v.Type == type).MaxAsync(v => (int?)v.SortOrder, ct) ?? 0;
        var row = new TaxonomyValue { Type = type, Value = text, SortOrder = last + 10, Active = true };
        db.TaxonomyValues.Add(row);
        db.Record("taxonomy.value_added", $"'{text}' added to {Label(type)}.", new { type = type.ToString(), value = text }, userId: actingUserId);
        await SaveAsync(db, ct);
        return row;
    }

    public async Task RenameAsync(string id, uint version, string? value, string actingUserId, CancellationToken ct = default)
    {
        var text = Check(value);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await FindAsync(db, id, version, ct);
        if (row.Value == text) return;
        await RefuseDuplicateAsync(db, row.Type, text, row.Id, ct);
        db.Record("taxonomy.value_renamed", $"'{row.Value}' renamed to '{text}' in {Label(row.Type)}.",
            new { type = row.Type.ToString(), before = row.Value, after = text }, userId: actingUserId);
        row.Value = text;
        await SaveAsync(db, ct);
    }

    public async Task SetActiveAsync(string id, uint version, bool active, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await FindAsync(db, id, version, ct);
        if (row.Active == active) return;
        row.Active = active;
        db.Record(active ? "taxonomy.value_activated" : "taxonomy.value_deactivated",
            $"'{row.Value}' {(active ? "reactivated" : "deactivated")} in {Label(row.Type)}.", new { type = row.Type.ToString(), value = row.Value }, userId: actingUserId);
        await SaveAsync(db, ct);
    }

    /// <summary>Swaps a value with its neighbour above (-1) or below (+1); the list is renumbered so ties cannot stall a move.</summary>
    public async Task MoveAsync(string id, int direction, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var type = await db.TaxonomyValues.Where(v => v.Id == id).Select(v => (TaxonomyType?)v.Type).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("value", "This value no longer exists.");
        var list = await db.TaxonomyValues.Where(v => v.Type == type).OrderBy(v => v.SortOrder).ThenBy(v => v.Value).ToListAsync(ct);
        var at = list.FindIndex(v => v.Id == id);
        var to = at + Math.Sign(direction);
        if (to < 0 || to >= list.Count) return;
        (list[at], list[to]) = (list[to], list[at]);
        for (var i = 0; i < list.Count; i++) list[i].SortOrder = (i + 1) * 10;
        db.Record("taxonomy.value_moved", $"'{list[to].Value}' moved {(direction < 0 ? "up" : "down")} in {Label(type)}.",
            new { type = type.ToString(), value = list[to].Value, position = to + 1 }, userId: actingUserId);
        await SaveAsync(db, ct);
    }

    public static string Label(TaxonomyType type) => type switch
    {
        TaxonomyType.INDUSTRY => "Industries",
        TaxonomyType.SOURCE => "Lead sources",
        TaxonomyType.VENDOR => "Vendors",
        TaxonomyType.CELLULAR_CARRIER => "Cellular carriers",
        TaxonomyType.BACKEND => "Tracking backends",
        TaxonomyType.PAYMENT_INTERVAL => "Payment intervals",
        TaxonomyType.SHIPPING_TYPE => "Shipping types",
        TaxonomyType.PAYMENT_METHOD => "Payment methods",
        _ => type.ToString(),
    };

    static string Check(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw new ValidationFailedException("value", "A value cannot be empty.");
        if (text.Length > MaxLength) throw new ValidationFailedException("value", $"A value can be at most {MaxLength} characters.");
        return text;
    }

    static async Task RefuseDuplicateAsync(CrmDbContext db, TaxonomyType type, string text, string? exceptId, CancellationToken ct)
    {
        if (await db.TaxonomyValues.AnyAsync(v => v.Type == type && v.Value.ToLower() == text.ToLower() && v.Id != exceptId, ct))
            throw new ValidationFailedException("value", $"'{text}' is already in {Label(type)}.");
    }

    static async Task<TaxonomyValue> FindAsync(CrmDbContext db, string id, uint version, CancellationToken ct)
    {
        var row = await db.TaxonomyValues.FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new ValidationFailedException("value", "This value no longer exists.");
        db.Entry(row).Property(v => v.Version).OriginalValue = version;
        return row;
    }

    static async Task SaveAsync(CrmDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("list"); }
        await db.PublishAsync(new LiveEvent(ChangedEvent), ct);
    }
}
