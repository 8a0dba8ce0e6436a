using System.Text.Json;
using System.Text.Json.Nodes;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>The dialer's rules an administrator can change.</summary>
public sealed record DialerPolicy(CallingHours Hours, int RecentCallMinutes)
{
    public const int DefaultRecentCallMinutes = 60;
    public static DialerPolicy Default { get; } = new(CallingHours.Default, DefaultRecentCallMinutes);
}

/// <summary>
/// Reads and saves the dialer's settings: <c>dialer.callingHours</c> {"start":"08:00","end":"21:00"} and
/// <c>dialer.recentCallMinutes</c> (a number; leads called more recently are skipped). Defaults when absent or unreadable.
/// </summary>
public sealed class DialerSettings(IDbContextFactory<CrmDbContext> dbs)
{
    public const string CallingHoursKey = "dialer.callingHours";
    public const string RecentCallMinutesKey = "dialer.recentCallMinutes";

    public async Task<DialerPolicy> PolicyAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await PolicyAsync(db, ct);
    }

    public static async Task<DialerPolicy> PolicyAsync(CrmDbContext db, CancellationToken ct)
    {
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key == CallingHoursKey || s.Key == RecentCallMinutesKey)
            .Select(s => new { s.Key, s.Value }).ToListAsync(ct);
        var hours = CallingHours.Default;
        var recent = DialerPolicy.DefaultRecentCallMinutes;
        foreach (var row in rows)
        {
            try
            {
                var node = JsonNode.Parse(row.Value);
                if (row.Key == CallingHoursKey
                    && CallingHours.Parse((string?)node?["start"]) is { } start && CallingHours.Parse((string?)node?["end"]) is { } end && start < end)
                    hours = new CallingHours(start, end);
                if (row.Key == RecentCallMinutesKey && node is JsonValue v && v.TryGetValue<int>(out var minutes) && minutes >= 0)
                    recent = minutes;
            }
            catch (JsonException) { } // an unreadable value keeps the default rather than stopping every dialer
        }
        return new DialerPolicy(hours, recent);
    }

    public async Task SaveAsync(string? start, string? end, int recentCallMinutes, string actingUserId, CancellationToken ct = default)
    {
        var check = new Validation();
        var s = CallingHours.Parse(start);
        var e = CallingHours.Parse(end);
        if (s is null) check.Add("start", "Start must be a time like 08:00.");
        if (e is null) check.Add("end", "End must be a time like 21:00 (24:00 for midnight).");
        if (s is not null && e is not null && s >= e) check.Add("end", "Calling hours must end after they start.");
        if (recentCallMinutes is < 0 or > 10_080) check.Add("recentCallMinutes", "Minutes must be between 0 and 10,080 (a week).");
        check.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var before = await PolicyAsync(db, ct);
        await PutAsync(db, CallingHoursKey, JsonSerializer.Serialize(new { start = CallingHours.Format(s!.Value), end = CallingHours.Format(e!.Value) }), ct);
        await PutAsync(db, RecentCallMinutesKey, recentCallMinutes.ToString(), ct);
        db.Record("settings.changed", "Dialer settings changed.",
            new { before = new { start = CallingHours.Format(before.Hours.Start), end = CallingHours.Format(before.Hours.End), before.RecentCallMinutes },
                  after = new { start = CallingHours.Format(s.Value), end = CallingHours.Format(e.Value), recentCallMinutes } },
            userId: actingUserId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new ConcurrencyConflictException("setting"); }
    }

    static async Task PutAsync(CrmDbContext db, string key, string json, CancellationToken ct)
    {
        var row = await db.Settings.FirstOrDefaultAsync(x => x.Key == key, ct);
        if (row is null) db.Settings.Add(new Setting { Key = key, Value = json });
        else row.Value = json;
    }
}
