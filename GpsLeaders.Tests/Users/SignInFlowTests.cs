using GpsLeaders.Data.Seeding;
using GpsLeaders.Data.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Users;

public class SignInFlowTests : BrowserTest
{
    IReadOnlyList<DemoSignIn> _demo = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _demo = await DemoData.ExistingSignInsAsync(App.Services.GetRequiredService<GpsLeaders.Blazor.Platform.AppDatabase>().ConnectionString);
    }

    DemoSignIn Demo(UserRole role) => _demo.First(s => s.Role == role.ToString() && s.IsActive);

    [Theory]
    [InlineData(UserRole.ADMIN, true)]
    [InlineData(UserRole.NICK, true)]
    [InlineData(UserRole.OPERATOR, false)]
    [InlineData(UserRole.REP, false)]
    public async Task Each_demo_role_signs_in_and_sees_the_shell(UserRole role, bool seesSettings)
    {
        var page = await NewPersonAsync();
        await page.GotoAsync("/");
        Assert.Contains("/account/signin", page.Url);

        await SignInAsync(page, Demo(role).Email, Demo(role).Password);

        Assert.EndsWith("/", page.Url);
        Assert.Equal(Roles.Label(role), await page.InnerTextAsync("[data-testid=user-role]"));
        Assert.True(await page.IsVisibleAsync("[data-testid=nav-dashboard]"));
        Assert.Equal(seesSettings, await page.IsVisibleAsync("[data-testid=nav-users]"));
        Assert.True(int.Parse((await page.InnerTextAsync("[data-testid=count-companies]")).Replace(",", "")) > 0);

        // The top bar's search runs through the live circuit (proves the client script and interactivity).
        await page.FillAsync("input[data-testid=global-search-input]", "a");
        await page.PressAsync("input[data-testid=global-search-input]", "Enter");
        // An in-circuit navigation is a same-document one: poll the URL rather than wait for a load event.
        await page.WaitForSelectorAsync("[data-testid=search-results]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=a$"));
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_starts_no_session()
    {
        var page = await NewPersonAsync();
        await SubmitSignInAsync(page, Demo(UserRole.ADMIN).Email, "not-the-password");

        Assert.Equal(SignInService.Refused, await page.InnerTextAsync("[data-testid=signin-error]"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "gpsl.auth");
        await page.GotoAsync("/");
        Assert.Contains("/account/signin", page.Url);
    }

    [Fact]
    public async Task An_inactive_user_cannot_sign_in()
    {
        var page = await NewPersonAsync();
        await SubmitSignInAsync(page, DemoData.InactiveEmail, DemoData.Password);

        Assert.Equal(SignInService.Refused, await page.InnerTextAsync("[data-testid=signin-error]"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "gpsl.auth");
    }

    [Fact]
    public async Task An_admin_invites_a_user_who_sets_a_password_through_the_link_and_signs_in()
    {
        var admin = await NewPersonAsync();
        await SignInAsync(admin, Demo(UserRole.ADMIN).Email, Demo(UserRole.ADMIN).Password);
        await admin.ClickAsync("[data-testid=nav-users]");
        await admin.ClickAsync("[data-testid=invite-user]");
        await admin.FillAsync("input[data-testid=invite-email]", "NEW.REP@Example.com");
        await admin.FillAsync("input[data-testid=invite-first]", "Nova");
        await admin.FillAsync("input[data-testid=invite-last]", "Reyes");
        await admin.ClickAsync("[data-testid=invite-submit]");
        var link = await admin.InputValueAsync("input[data-testid=invite-link]");
        Assert.Contains("/account/invitation?user=", link);
        await Assertions.Expect(admin.Locator("[data-testid=users-grid]")).ToContainTextAsync("new.rep@example.com");

        var invitee = await NewPersonAsync();
        await invitee.GotoAsync(link);
        await invitee.FillAsync("#password", "short");
        await invitee.FillAsync("#confirmation", "short");
        await invitee.ClickAsync("[data-testid=invitation-submit]");
        await Assertions.Expect(invitee.Locator("[data-testid=invitation-error]")).ToContainTextAsync("at least");

        await invitee.FillAsync("#password", "Nova-Reyes-2026");
        await invitee.FillAsync("#confirmation", "Nova-Reyes-2026");
        await invitee.ClickAsync("[data-testid=invitation-submit]");
        await invitee.WaitForSelectorAsync("[data-testid=user-name]");
        Assert.Equal("Nova Reyes", await invitee.InnerTextAsync("[data-testid=user-name]"));
        Assert.Equal(Roles.Label(UserRole.REP), await invitee.InnerTextAsync("[data-testid=user-role]"));

        // The link was one-time; afterwards the new password works on the sign-in page.
        var again = await NewPersonAsync();
        await again.GotoAsync(link);
        Assert.True(await again.IsVisibleAsync("[data-testid=invitation-invalid]"));
        await SignInAsync(again, "new.rep@example.com", "Nova-Reyes-2026");
    }

    [Fact]
    public async Task A_rep_is_refused_the_admin_only_pages()
    {
        var rep = await NewPersonAsync();
        await SignInAsync(rep, Demo(UserRole.REP).Email, Demo(UserRole.REP).Password);
        Assert.False(await rep.IsVisibleAsync("[data-testid=nav-users]"));

        await rep.GotoAsync("/admin/users");
        await rep.WaitForSelectorAsync("[data-testid=access-denied]");
        Assert.False(await rep.IsVisibleAsync("[data-testid=users-grid]"));
        await rep.GotoAsync("/admin/jobs");
        await rep.WaitForSelectorAsync("[data-testid=access-denied]");
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_open_session()
    {
        var rep = await NewPersonAsync();
        var repAccount = Demo(UserRole.REP);
        await SignInAsync(rep, repAccount.Email, repAccount.Password);

        var admin = await NewPersonAsync();
        await SignInAsync(admin, Demo(UserRole.ADMIN).Email, Demo(UserRole.ADMIN).Password);
        await admin.GotoAsync("/admin/users");
        await WaitForCircuitAsync(admin); // a click on the prerendered button before the circuit connects does nothing
        var row = admin.Locator("[data-testid=user-row]", new() { HasText = repAccount.Email });
        await row.Locator("[data-testid=user-toggle-active]").ClickAsync();
        // Deactivation asks first (the user is signed out everywhere).
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        // The admin sees it done (so the click reached the circuit) before we look at the rep's page.
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("Deactivated", new() { Timeout = 15_000 });

        // The rep's open page is pushed back to sign-in without touching it: at once by the live event, at the latest by
        // the circuit's periodic re-check (30 s), so a slow machine does not fail the test for a late event.
        await rep.WaitForURLAsync("**/account/signin**", new() { Timeout = 40_000 });
        await SubmitSignInAsync(rep, repAccount.Email, repAccount.Password);
        Assert.Equal(SignInService.Refused, await rep.InnerTextAsync("[data-testid=signin-error]"));
    }

    [Fact]
    public async Task An_admin_sees_a_users_sessions_and_ending_them_signs_that_browser_out()
    {
        var rep = await NewPersonAsync();
        var repAccount = Demo(UserRole.REP);
        await SignInAsync(rep, repAccount.Email, repAccount.Password);

        var admin = await NewPersonAsync();
        await SignInAsync(admin, Demo(UserRole.ADMIN).Email, Demo(UserRole.ADMIN).Password);
        await OpenAsync(admin, "/admin/users");
        var row = admin.Locator("[data-testid=user-row]", new() { HasText = repAccount.Email });
        await row.Locator("[data-testid=show-sessions]").ClickAsync();
        var sessions = admin.Locator("[data-testid=sessions-table]");
        await Assertions.Expect(sessions).ToContainTextAsync("127.0.0.1");
        await Assertions.Expect(sessions).ToContainTextAsync("Chrome");

        await admin.ClickAsync("[data-testid=end-all-sessions]");
        await admin.WaitForSelectorAsync("[data-testid=no-sessions]");
        // The rep's open page re-checks on the live event (at the latest on the circuit's 30 s re-check) and lands on sign-in.
        await rep.WaitForURLAsync("**/account/signin**", new() { Timeout = 40_000 });
    }

    [Fact]
    public async Task The_shell_the_inbox_and_the_dialer_run_under_the_content_security_policy_without_a_violation()
    {
        var page = await NewPersonAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add(message.Text);
        };
        page.PageError += (_, error) => problems.Add(error);

        await SignInAsync(page, Demo(UserRole.ADMIN).Email, Demo(UserRole.ADMIN).Password);
        var csp = (await page.GotoAsync("/"))!.Headers["content-security-policy"];
        Assert.Contains("script-src 'self'", csp);
        await WaitForCircuitAsync(page);
        await OpenAsync(page, "/inbox");
        await OpenAsync(page, "/dialer");
        await OpenAsync(page, "/admin/users");
        await page.ClickAsync("[data-testid=nav-companies]");
        await page.WaitForURLAsync("**/companies");

        Assert.True(problems.Count == 0, "CSP violations or script errors:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_sign_out_button_ends_the_session_so_a_copy_of_the_cookie_no_longer_works()
    {
        var page = await NewPersonAsync();
        await SignInAsync(page, Demo(UserRole.REP).Email, Demo(UserRole.REP).Password);
        var copy = (await page.Context.CookiesAsync()).Single(c => c.Name == "gpsl.auth");

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/account/signin**");

        // Another person who copied the cookie before the sign-out is sent to sign-in.
        var thief = await NewPersonAsync();
        await thief.Context.AddCookiesAsync([new Cookie { Name = copy.Name, Value = copy.Value, Domain = copy.Domain, Path = copy.Path }]);
        await thief.GotoAsync("/");
        Assert.Contains("/account/signin", thief.Url);
    }
}
