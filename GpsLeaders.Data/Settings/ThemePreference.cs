using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Settings;

/// <summary>
/// Each user's light or dark mode, kept in <c>settings</c> as <c>ui.theme.{userId}</c> (<c>"light"</c> / <c>"dark"</c>) so it
/// follows them to any browser. A display preference, not business data: no Activity row and no live event.
/// </summary>
public sealed class ThemePreference(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public static string Key(string userId) => $"ui.theme.{userId}";

    public async Task<bool> IsDarkAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == Key(userId)).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return value is not null && value.Contains("dark", StringComparison.Ordinal);
    }

    /// <summary>One upsert: two tabs toggling at once both land, the last one wins.</summary>
    public async Task SetDarkAsync(string userId, bool dark, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var value = dark ? "\"dark\"" : "\"light\"";
        var stamp = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO settings AS s (id, key, value, updated_at)
            VALUES ({Guid.CreateVersion7().ToString()}, {Key(userId)}, {value}::jsonb, ({stamp} AT TIME ZONE 'UTC')::timestamp(3))
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
            """, ct);
    }
}
