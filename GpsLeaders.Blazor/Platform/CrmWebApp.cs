using System.Data.Common;
using System.Globalization;
using GpsLeaders.Blazor.Components;
using GpsLeaders.Blazor.Dialer;
using GpsLeaders.Blazor.LiveEvents;
using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using MudBlazor;
using MudBlazor.Services;

namespace GpsLeaders.Blazor.Platform;

/// <summary>The composition root: every service, the middleware pipeline and the endpoints.</summary>
public static class CrmWebApp
{
    public static WebApplication Build(string[] args)
    {
        // US fleets, US dollars: en-US on every thread and request whatever the server's locale ($131,305, not ¤131,305).
        var usEnglish = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = usEnglish;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = usEnglish;
        var builder = WebApplication.CreateBuilder(args);
        // Serve wwwroot and package assets from the build output too (not only in Development).
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.AddCrmRequestBodyLimits();
        var services = builder.Services;
        var config = builder.Configuration;

        // Resolved on first use so that configuration given by a host (tests, env vars) is already in place.
        services.AddSingleton(sp => AppDatabase.ResolveAsync(config, sp.GetRequiredService<ILogger<AppDatabase>>()).GetAwaiter().GetResult());
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<AppDatabase>().ConnectionString));
        services.AddSingleton<DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.AddDbContextFactory<CrmDbContext>((sp, o) => o.UseCrmDatabase(sp.GetRequiredService<AppDatabase>().ConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<DatabaseStartup>();

        services.AddDataProtection()
            .SetApplicationName("GpsLeaders")
            .PersistKeysToFileSystem(new DirectoryInfo(config["DataProtection:KeysDir"] is { Length: > 0 } dir ? dir : DefaultKeysDir()));

        services.AddCrmDomainServices();
        services.AddCrmUsers(config);
        services.AddAccountRateLimits(config);
        services.AddCrmForwardedHeaders(config);
        services.AddSingleton<LiveEventHub>();
        services.AddSingleton<LiveEventListener>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventListener>());
        services.AddCrmScheduler(config);
        services.AddHealthChecks().AddCrmChecks();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            mud.SnackbarConfiguration.VisibleStateDuration = 5000;
            mud.SnackbarConfiguration.PreventDuplicates = false;
            mud.SnackbarConfiguration.NewestOnTop = true;
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(usEnglish.Name);
            o.SupportedCultures = o.SupportedUICultures = [usEnglish];
            o.RequestCultureProviders.Clear(); // the browser's Accept-Language does not change money or dates
        });
        services.AddScoped<ViewerTime>();
        services.AddScoped<GpsLeaders.Blazor.Dialer.DialerCircuit>(); // Dialer: the rep's session start, per circuit
        services.AddSingleton<GpsLeaders.Blazor.Import.ImportReports>();
        services.AddSingleton<GpsLeaders.Blazor.Inbox.InboxSimulator>();
        services.AddSingleton<GpsLeaders.Blazor.Inbox.Email.GmailConnect>();
        services.AddCrmVoicemailAudio();

        var app = builder.Build();
        // First, so the scheme (Secure cookie, HSTS) and the client IP (rate limits) are the real ones.
        app.UseForwardedHeaders();
        app.UseCrmSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseCrmRequestBodyLimits();
        app.UseCrmHubOriginCheck(config);
        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        // Every endpoint group is a feature type's static Map(IEndpointRouteBuilder).
        Health.Map(app);
        GpsLeaders.Blazor.Users.AccountEndpoints.Map(app);
        GpsLeaders.Blazor.Import.ImportReports.Map(app);
        GpsLeaders.Blazor.Inbox.SmsGatewayEndpoint.Map(app);
        GpsLeaders.Blazor.Inbox.InboxSimulator.Map(app);
        GpsLeaders.Blazor.Inbox.Bookings.CalcomEndpoint.Map(app);
        GpsLeaders.Blazor.Inbox.Email.GmailConnect.Map(app);
        GpsLeaders.Blazor.Dialer.VoicemailAudioEndpoint.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    static string DefaultKeysDir() => Path.Combine(AppDatabase.DataRoot(), "keys");
}
