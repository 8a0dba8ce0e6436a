using Microsoft.Playwright;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot run here). One browser per
/// test run; each test gets its own context, i.e. its own cookies, like a separate person.
/// </summary>
public static class Browser
{
    static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        var browser = await Shared.Value;
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    static async Task<IBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}; install it with: apt-get install -y chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            // The closed network here refuses Chromium's background connections; keep it from trying.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}
