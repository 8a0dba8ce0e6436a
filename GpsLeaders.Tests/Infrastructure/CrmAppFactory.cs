using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>
/// The real app (Program's composition root) on a real Kestrel port against a test database.
/// Several factories may share one database to play several app instances.
/// </summary>
public sealed class CrmAppFactory : WebApplicationFactory<Program>
{
    readonly string _connectionString;
    readonly Dictionary<string, string?> _settings;
    readonly Action<IServiceCollection>? _services;

    /// <param name="services">Runs after the app's own registrations (e.g. a test-only job through AddCrmJob).</param>
    public CrmAppFactory(string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _connectionString = connectionString;
        _settings = new(settings ?? new Dictionary<string, string?>());
        _services = services;
        UseKestrel(0);
    }

    /// <summary>Starts the server (once) and returns its base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    public HttpClient CreateRealClient(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = _connectionString,
            ["Database:SeedDemoWhenEmpty"] = "false",
            ["DataProtection:KeysDir"] = Path.Combine(Path.GetTempPath(), "crm-test-keys"),
            // Warnings and errors only: a failing test's output should show the app's problems, not every request.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (k, v) in _settings) settings[k] = v;
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }
}
