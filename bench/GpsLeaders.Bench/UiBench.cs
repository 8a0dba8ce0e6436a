using System.Diagnostics;
using Microsoft.Playwright;

namespace GpsLeaders.Bench;

/// <summary>
/// What the UI costs (bench/ui runs it against a running app): the app's memory per idle signed-in circuit on one
/// page (N tabs opened, working-set delta / N), and the first load of a page in Chromium, from navigation to its
/// first data row on screen.
/// </summary>
public static class UiBench
{
    /// <summary>Memory: opens <paramref name="circuits"/> tabs of <paramref name="path"/> and reports the app's RSS growth per tab.</summary>
    public static async Task<int> CircuitsAsync(string appUrl, int appPid, string path, int circuits)
    {
        await using var session = await SignedInAsync(appUrl);
        // One tab first so that the JIT, caches and pools are warm before the baseline.
        var warm = await session.Context.NewPageAsync();
        await OpenAsync(warm, path);
        await Task.Delay(3000);
        var before = RssMb(appPid);
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await session.Context.NewPageAsync();
            await OpenAsync(page, path);
            pages.Add(page);
        }
        await Task.Delay(5000); // let the circuits settle (first renders done, buffers returned)
        var after = RssMb(appPid);
        Console.WriteLine($"{path,-12} {circuits} idle circuits: app RSS {before:0} -> {after:0} MB = {(after - before) / circuits * 1024:0} KB per circuit");
        return 0;
    }

    /// <summary>First load: a fresh tab per run, timed from navigation to <paramref name="readySelector"/> visible.</summary>
    public static async Task<int> FirstLoadAsync(string appUrl, (string Path, string ReadySelector)[] pages, int runs)
    {
        await using var session = await SignedInAsync(appUrl);
        Console.WriteLine($"{"first load (navigation -> first row)",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8}   runs={runs}");
        foreach (var (path, ready) in pages)
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 3; i++)
            {
                var page = await session.Context.NewPageAsync();
                var watch = Stopwatch.StartNew();
                await page.GotoAsync(path);
                await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
                if (i >= 3) times.Add(watch.Elapsed.TotalMilliseconds);
                await page.CloseAsync();
            }
            times.Sort();
            double P(double p) => times[(int)Math.Ceiling(p * times.Count) - 1];
            Console.WriteLine($"{path,-44} {P(0.50),8:0.0} {P(0.95),8:0.0} {times[^1],8:0.0}");
        }
        return 0;
    }

    static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    }

    static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    sealed class Session(IPlaywright playwright, IBrowser browser, IBrowserContext context) : IAsyncDisposable
    {
        public IBrowserContext Context => context;
        public async ValueTask DisposeAsync()
        {
            await context.CloseAsync();
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    static async Task<Session> SignedInAsync(string appUrl)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = appUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", "admin@gpsleaders.test");
        await page.FillAsync("#password", GpsLeaders.Data.Seeding.DemoData.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=user-name]");
        await page.CloseAsync();
        return new Session(playwright, browser, context);
    }
}
