using System.Text.Json;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Settings;

/// <summary>A named filter a user keeps for a list page.</summary>
public sealed record SavedView<TFilter>(string Name, TFilter Filter);

/// <summary>
/// Each user's saved views of a list (companies, leads…), kept in <c>settings</c> under
/// <c>views.{list}.{userId}</c> since V2 has no table of its own for them.
/// </summary>
public sealed class SavedViews(IDbContextFactory<CrmDbContext> dbs)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static string Key(string list, string userId) => $"views.{list}.{userId}";

    public async Task<List<SavedView<TFilter>>> ListAsync<TFilter>(string list, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var value = await db.Settings.Where(s => s.Key == Key(list, userId)).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return value is null ? [] : JsonSerializer.Deserialize<List<SavedView<TFilter>>>(value, Json) ?? [];
    }

    /// <summary>Adds the view, or replaces the one with the same name (names compare case-insensitively).</summary>
    public async Task SaveAsync<TFilter>(string list, string userId, string? name, TFilter filter, CancellationToken ct = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) throw new ValidationFailedException("viewName", "Give the view a name.");
        if (name.Length > 60) throw new ValidationFailedException("viewName", "A view name has at most 60 characters.");
        await UpdateAsync<TFilter>(list, userId, views =>
        {
            views.RemoveAll(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
            views.Add(new SavedView<TFilter>(name, filter));
            views.Sort((a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase));
        }, ct);
    }

    public Task DeleteAsync<TFilter>(string list, string userId, string name, CancellationToken ct = default) =>
        UpdateAsync<TFilter>(list, userId, views => views.RemoveAll(v => v.Name == name), ct);

    async Task UpdateAsync<TFilter>(string list, string userId, Action<List<SavedView<TFilter>>> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var key = Key(list, userId);
        // Serialise concurrent saves of the same user's views (two tabs) on the key.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        var views = setting is null ? [] : JsonSerializer.Deserialize<List<SavedView<TFilter>>>(setting.Value, Json) ?? [];
        change(views);
        var json = JsonSerializer.Serialize(views, Json);
        if (setting is null) db.Settings.Add(new Setting { Key = key, Value = json });
        else setting.Value = json;
        db.Record("view.saved", $"Saved views of {list} changed.", new { list, names = views.Select(v => v.Name) }, userId: userId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
