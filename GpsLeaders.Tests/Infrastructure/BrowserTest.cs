using GpsLeaders.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>Browser tests share one collection: two cores cannot drive several Chromiums and Kestrels well at once.</summary>
[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection;

/// <summary>A browser test against the real app on a Kestrel port, on a clone of the demo database.</summary>
[Collection("browser")]
public abstract class BrowserTest : IAsyncLifetime
{
    // The browser tests share two cores with the service tests running beside them: what a user would see in a second
    // can take several here. A wrong page still fails, only later than Playwright's 5 s default.
    static BrowserTest() => Assertions.SetDefaultExpectTimeout(15_000);

    protected CrmAppFactory App { get; private set; } = default!;
    readonly List<IBrowserContext> _contexts = [];

    public virtual async Task InitializeAsync() => App = new CrmAppFactory(await TestDatabases.CreateWithDemoDataAsync(), AppSettings);

    /// <summary>Extra configuration for the app under test (e.g. an external API's base URL pointed at a fake).</summary>
    protected virtual IDictionary<string, string?>? AppSettings => null;

    public virtual async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await App.DisposeAsync();
    }

    /// <summary>A new browser profile (its own cookies): one person at one computer.</summary>
    protected async Task<IPage> NewPersonAsync()
    {
        var context = await Infrastructure.Browser.NewContextAsync(App.BaseAddress);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    protected static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/account/signin")) await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=signin-submit]");
    }

    /// <summary>A signed-in browser for one of the demo accounts (admin@…, rep1@…, operator@…).</summary>
    protected async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPersonAsync();
        await SignInAsync(page, email, GpsLeaders.Data.Seeding.DemoData.Password);
        return page;
    }

    /// <summary>A full page load of <paramref name="path"/>, ready for clicks once its circuit is up.</summary>
    protected static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    /// <summary>The services of the app under test (same database), to arrange data and check outcomes.</summary>
    protected T Service<T>() where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(App.Services);

    protected GpsLeaders.Data.CrmDbContext Db() =>
        Service<Microsoft.EntityFrameworkCore.IDbContextFactory<GpsLeaders.Data.CrmDbContext>>().CreateDbContext();

    /// <summary>Signs in and waits for the interactive shell (the circuit is up when the user menu renders).</summary>
    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await SubmitSignInAsync(page, email, password);
        await page.WaitForSelectorAsync("[data-testid=user-name]");
        await WaitForCircuitAsync(page);
    }

    /// <summary>Blazor Server marks the document once the circuit has connected; only then do clicks reach .NET.</summary>
    /// (A selector wait, not WaitForFunction: a string there is evaluated as an expression, and a function value is truthy.)
    protected static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-circuit-ready]", new() { State = WaitForSelectorState.Attached });

    /// <summary>Runs axe on the page as it stands and fails on any serious or critical violation.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var problems = await AxeProblemsAsync(page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The page's serious and critical axe violations, each naming its rule and the first offending elements.</summary>
    protected static async Task<List<string>> AxeProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var path = new Uri(page.Url).PathAndQuery;
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }
}
