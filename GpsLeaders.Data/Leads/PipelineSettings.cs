using System.Text.Json;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Leads;

/// <summary>Per-stage rotting days, kept in <c>settings</c> under <see cref="Key"/> as {"HOT": 2, …}.</summary>
public sealed class PipelineSettings(IDbContextFactory<CrmDbContext> dbs)
{
    public const string Key = "pipeline.rottingDays";

    public async Task<Dictionary<LeadStage, int>> RottingDaysAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await RottingDaysAsync(db, ct);
    }

    public static async Task<Dictionary<LeadStage, int>> RottingDaysAsync(CrmDbContext db, CancellationToken ct)
    {
        var days = new Dictionary<LeadStage, int>(LeadStages.DefaultRottingDays);
        var json = await db.Settings.Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (json is null) return days;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [])
            if (Enum.TryParse<LeadStage>(name, out var stage) && !LeadStages.IsClosed(stage)) days[stage] = value;
        return days;
    }

    public async Task SaveRottingDaysAsync(IReadOnlyDictionary<LeadStage, int> days, string actingUserId, CancellationToken ct = default)
    {
        var check = new Validation();
        foreach (var (stage, value) in days)
        {
            if (LeadStages.IsClosed(stage)) check.Add(stage.ToString(), $"{LeadStages.Label(stage)} is closed: closed leads do not rot.");
            else if (value is < 1 or > 365) check.Add(stage.ToString(), $"{LeadStages.Label(stage)}: rotting days must be between 1 and 365.");
        }
        check.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var json = JsonSerializer.Serialize(days.ToDictionary(d => d.Key.ToString(), d => d.Value));
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == Key, ct);
        var before = setting?.Value;
        if (setting is null) db.Settings.Add(new Setting { Key = Key, Value = json });
        else setting.Value = json;
        db.Record("settings.changed", "Pipeline rotting days changed.", new { key = Key, before, after = json }, userId: actingUserId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("setting"); }
    }
}
