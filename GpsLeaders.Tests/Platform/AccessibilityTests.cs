using Microsoft.Playwright;

namespace GpsLeaders.Tests.Platform;

/// <summary>Every page the sidebar links to passes axe with no serious or critical violation, in both themes.</summary>
public sealed class AccessibilityTests : BrowserTest
{
    static readonly string[] SidebarPages =
    [
        "/", "/inbox", "/dialer", "/pipeline", "/leads", "/companies", "/contacts", "/tasks", "/import",
        "/admin/users", "/admin/jobs", "/admin/taxonomy", "/admin/tags", "/admin/sms-gateways", "/admin/lead-score",
        "/admin/templates", "/admin/calcom", "/admin/voicemail-drops", "/admin/email-accounts", "/admin/dialer",
    ];

    [Fact]
    public async Task Each_sidebar_page_has_no_serious_or_critical_axe_violation_in_either_theme()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        var problems = new List<string>();
        foreach (var dark in new[] { false, true })
        {
            if (dark)
            {
                await page.ClickAsync("[data-testid=theme-toggle]");
                await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(17, 24, 39)");
            }
            foreach (var path in SidebarPages)
            {
                await OpenAsync(page, path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                problems.AddRange((await AxeProblemsAsync(page)).Select(p => (dark ? "[dark] " : "[light] ") + p));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
