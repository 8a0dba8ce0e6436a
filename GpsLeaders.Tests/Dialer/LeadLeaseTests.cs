using GpsLeaders.Data.Dialer;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Dialer;

/// <summary>Leases on leads: one holder at a time, renewable by the holder, free again once expired or released.</summary>
public class LeadLeaseTests : IAsyncLifetime
{
    readonly ManualClock _clock = new(new DateTimeOffset(2025, 6, 2, 15, 0, 0, TimeSpan.Zero));
    Services _services = default!;

    public async Task InitializeAsync() => _services = new Services(await TestDatabases.CreateMigratedAsync(), _clock);

    public Task DisposeAsync() => Task.CompletedTask;

    LeadLease Leases => _services.Get<LeadLease>();

    [Fact]
    public async Task Only_one_rep_holds_a_lead_until_the_lease_expires()
    {
        Assert.True(await Leases.TryTakeAsync("lead-1", "list-1", "rep-1"));
        Assert.False(await Leases.TryTakeAsync("lead-1", "list-1", "rep-2"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await Leases.TryTakeAsync("lead-1", "list-1", "rep-1")); // activity renews: three more minutes from now
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await Leases.TryTakeAsync("lead-1", "list-1", "rep-2"));

        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // rep 1 walked away
        Assert.True(await Leases.TryTakeAsync("lead-1", "list-1", "rep-2"));
        Assert.False(await Leases.TryTakeAsync("lead-1", "list-1", "rep-1"));
    }

    [Fact]
    public async Task Releasing_frees_the_lead_but_only_the_holder_can_release()
    {
        Assert.True(await Leases.TryTakeAsync("lead-2", "list-1", "rep-1"));
        await Leases.ReleaseAsync("lead-2", "rep-2");
        Assert.False(await Leases.TryTakeAsync("lead-2", "list-1", "rep-2"));
        await Leases.ReleaseAsync("lead-2", "rep-1");
        Assert.True(await Leases.TryTakeAsync("lead-2", "list-1", "rep-2"));
    }

    [Fact]
    public async Task Racing_reps_never_both_get_the_lead()
    {
        var takes = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Leases.TryTakeAsync("lead-3", "list-1", $"rep-{i}")));
        Assert.Equal(1, takes.Count(t => t));
    }

    [Fact]
    public async Task Expired_leases_are_cleaned()
    {
        Assert.True(await Leases.TryTakeAsync("lead-4", "list-1", "rep-1"));
        Assert.True(await Leases.TryTakeAsync("lead-5", "list-1", "rep-1"));
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await Leases.TryTakeAsync("lead-5", "list-1", "rep-1"));
        await using var db = _services.Db();
        Assert.Equal(1, await LeadLease.CleanExpiredAsync(db, _clock.GetUtcNow().UtcDateTime, default));
        Assert.Equal(["dialer.lease.lead-5"], await db.Settings.Where(s => s.Key.StartsWith("dialer.lease.")).Select(s => s.Key).ToListAsync());
    }
}
