using GpsLeaders.Data.Leads;

namespace GpsLeaders.Data.Tags;

/// <summary>
/// Called when a DISPOSITION tag is applied to (or revived on) a lead, or removed from it, inside the same
/// transaction as the tag change: whatever the hook adds to <paramref name="db"/> is saved (or rolled back) with it.
/// Sequences replace the default no-op to start or cancel runs.
/// </summary>
public interface IDispositionTagHook
{
    Task OnAppliedAsync(CrmDbContext db, Lead lead, Tag tag, string? actingUserId, CancellationToken ct);

    Task OnRemovedAsync(CrmDbContext db, Lead lead, Tag tag, string? actingUserId, CancellationToken ct);
}

/// <summary>The default until sequences ship: disposition tags trigger nothing.</summary>
public sealed class NoDispositionTagHook : IDispositionTagHook
{
    public Task OnAppliedAsync(CrmDbContext db, Lead lead, Tag tag, string? actingUserId, CancellationToken ct) => Task.CompletedTask;

    public Task OnRemovedAsync(CrmDbContext db, Lead lead, Tag tag, string? actingUserId, CancellationToken ct) => Task.CompletedTask;
}
