using Bunit;
using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services: the fast layer for components that hold logic.
/// MudBlazor calls JavaScript for focus and popovers; loose mode answers those calls with defaults.</summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xUnit's later Dispose() then finds nothing left.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>The domain services and a context factory on a real database, for components that read or write.</summary>
    protected void UseDatabase(string connectionString, TimeProvider? clock = null)
    {
        Services.AddDbContextFactory<CrmDbContext>(o => o.UseCrmDatabase(connectionString));
        Services.AddSingleton(clock ?? TimeProvider.System);
        Services.AddCrmDomainServices();
    }

    /// <summary>Selects, menus and autocompletes render their lists into the popover provider.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopovers() => Render<MudPopoverProvider>();
}
