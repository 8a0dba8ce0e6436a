using System.Collections.Concurrent;
using System.Security.Cryptography;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data.Import;

namespace GpsLeaders.Blazor.Import;

/// <summary>
/// Finished import reports, kept in memory on this instance for two hours under a random id and the user who ran
/// the import (only they can download it). Memory is enough: the report is for the person who just ran the import,
/// and the import.finished Activity keeps the counts for good. Behind a load balancer the download reaches the same
/// instance through the sticky session the Blazor circuit already needs.
/// </summary>
public sealed class ImportReports(TimeProvider clock)
{
    sealed record Entry(string UserId, string FileName, byte[] Csv, DateTimeOffset Expires);

    readonly ConcurrentDictionary<string, Entry> _reports = new();

    public string Keep(string userId, ImportResult result)
    {
        foreach (var (key, old) in _reports) if (old.Expires < clock.GetUtcNow()) _reports.TryRemove(key, out _);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _reports[id] = new Entry(userId, $"import-report-{Path.GetFileNameWithoutExtension(result.FileName)}.csv", ImportReport.ToCsv(result),
            clock.GetUtcNow().AddHours(2));
        return id;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/import/report/{id}", (string id, HttpContext http, ImportReports reports) =>
                reports._reports.TryGetValue(id, out var entry) && entry.UserId == http.User.UserId() && entry.Expires >= reports.CrmNow()
                    ? Results.File(entry.Csv, "text/csv; charset=utf-8", entry.FileName)
                    : Results.NotFound())
            .RequireAuthorization(Policies.Staff);

    DateTimeOffset CrmNow() => clock.GetUtcNow();
}
