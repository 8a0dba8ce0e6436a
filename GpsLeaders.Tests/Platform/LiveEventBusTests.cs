using GpsLeaders.Blazor.LiveEvents;
using GpsLeaders.Data;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Platform;

/// <summary>Two app hosts on one database: what one publishes, the other's subscribers see, and only after commit.</summary>
public class LiveEventBusTests : IAsyncLifetime
{
    CrmAppFactory _a = default!, _b = default!;

    public async Task InitializeAsync()
    {
        var db = await TestDatabases.CreateMigratedAsync();
        _a = new CrmAppFactory(db);
        _b = new CrmAppFactory(db);
        _ = _a.BaseAddress;
        _ = _b.BaseAddress;
        await _a.Services.GetRequiredService<LiveEventListener>().Ready.WaitAsync(TimeSpan.FromSeconds(20));
        await _b.Services.GetRequiredService<LiveEventListener>().Ready.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    Task<LiveEvent> NextOnB(string type)
    {
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _b.Services.GetRequiredService<LiveEventHub>().Subscribe(e =>
        {
            if (e.Type == type) received.TrySetResult(e);
            return Task.CompletedTask;
        });
        return received.Task.ContinueWith(t => { subscription.Dispose(); return t.Result; });
    }

    [Fact]
    public async Task An_event_published_in_a_transaction_on_one_instance_reaches_the_other_only_after_commit()
    {
        var onB = NextOnB("test.ping");
        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.PublishAsync(new LiveEvent("test.ping", "lead-42", "Ping from A"));
            await Task.Delay(500);
            Assert.False(onB.IsCompleted, "delivered before commit");
            await tx.CommitAsync();
        }
        var evt = await onB.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("lead-42", evt.EntityId);
        Assert.Equal("Ping from A", evt.Summary);
    }

    [Fact]
    public async Task A_rolled_back_event_is_never_delivered()
    {
        var onB = NextOnB("test.rolled_back");
        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.PublishAsync(new LiveEvent("test.rolled_back"));
            await tx.RollbackAsync();
        }
        // A committed marker sent afterwards proves the channel works and overtakes nothing.
        var marker = NextOnB("test.marker");
        await db.PublishAsync(new LiveEvent("test.marker"));
        await marker.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(onB.IsCompleted);
    }

    [Fact]
    public async Task A_use_case_on_one_instance_updates_subscribers_on_the_other()
    {
        var onB = NextOnB(UserAccounts.ChangedEvent);
        var admin = await _a.Services.GetRequiredService<UserAccounts>().CreateAdminAsync("ops@example.com", "Op", "Erator", "Long-enough-1");
        var invitation = await _a.Services.GetRequiredService<UserAccounts>().InviteAsync(admin.Id, new NewUser("rep@example.com", "Rae", "Rep", UserRole.REP));
        var evt = await onB.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(invitation.UserId, evt.EntityId);
    }
}
