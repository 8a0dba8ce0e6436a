using GpsLeaders.Data.Inbox.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace GpsLeaders.Tests.Inbox.Email;

/// <summary>Settings → Email accounts as an admin meets it, with WireMock playing Google.</summary>
public class EmailAccountsBrowserTests : BrowserTest, IAsyncLifetime
{
    const string Input = "input[data-testid={0}], [data-testid={0}] input";
    readonly WireMockServer _google = WireMockServer.Start();

    protected override IDictionary<string, string?> AppSettings
    {
        get
        {
            var options = EmailFixture.OptionsFor(_google);
            return new Dictionary<string, string?>
            {
                ["Gmail:ApiBaseUrl"] = options.ApiBaseUrl,
                ["Gmail:TokenUrl"] = options.TokenUrl,
                ["Gmail:AuthUrl"] = options.AuthUrl,
                ["Gmail:ClientId"] = options.ClientId,
                ["Gmail:ClientSecret"] = options.ClientSecret,
                ["Gmail:SyncMinutes"] = "60",
            };
        }
    }

    [Fact]
    public async Task An_admin_adds_an_smtp_account_and_connects_Gmail()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await Assertions.Expect(page.Locator("[data-testid=nav-email-accounts]")).ToBeVisibleAsync();
        await OpenAsync(page, "/admin/email-accounts");

        await page.FillAsync(string.Format(Input, "smtp-email"), "billing@gpsleaders.test");
        await page.ClickAsync("[data-testid=smtp-add]");
        await Assertions.Expect(page.Locator("input[data-testid=smtp-host]")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("SMTP server is required"));
        await page.FillAsync(string.Format(Input, "smtp-host"), "smtp.mail.test");
        await page.FillAsync(string.Format(Input, "smtp-user"), "billing");
        await page.FillAsync(string.Format(Input, "smtp-password"), "hunter2-password");
        await page.ClickAsync("[data-testid=smtp-add]");
        var smtp = page.Locator("[data-testid=email-account-row][data-address='billing@gpsleaders.test']");
        await Assertions.Expect(smtp.Locator("[data-testid=email-account-provider]")).ToHaveTextAsync("SMTP smtp.mail.test:587");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("hunter2-password");

        // Google's consent page is played by the browser: it sends the admin straight back with a code and the state.
        _google.Given(Request.Create().WithPath("/token").UsingPost())
            .RespondWith(EmailFixture.Json(new { access_token = "access-1", refresh_token = "refresh-1", expires_in = 3600 }));
        _google.Given(Request.Create().WithPath("/gmail/v1/users/me/profile").UsingGet())
            .RespondWith(EmailFixture.Json(new { emailAddress = "sales@gpsleaders.test", historyId = "7" }));
        await page.RouteAsync(_google.Url + "/auth**", async route =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query);
            var back = $"{query["redirect_uri"]}?code=code-1&state={Uri.EscapeDataString(query["state"]!)}";
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = $"<script>location.href = {System.Text.Json.JsonSerializer.Serialize(back)};</script>" });
        });
        await page.ClickAsync("[data-testid=email-accounts-connect-gmail]");

        await page.WaitForURLAsync("**/admin/email-accounts?connected=*");
        await Assertions.Expect(page.Locator("[data-testid=email-accounts-notice]")).ToContainTextAsync("Connected sales@gpsleaders.test");
        var gmail = page.Locator("[data-testid=email-account-row][data-address='sales@gpsleaders.test']");
        await Assertions.Expect(gmail.Locator("[data-testid=email-account-provider]")).ToHaveTextAsync("Gmail");
        await using (var db = Db())
            Assert.Equal(EmailProviders.Gmail, await db.EmailAccounts.Where(a => a.EmailAddress == "sales@gpsleaders.test").Select(a => a.Provider).SingleAsync());

        // A callback whose state this app did not issue is refused.
        await page.GotoAsync("/oauth/gmail/callback?code=stolen&state=forged");
        await Assertions.Expect(page.Locator("[data-testid=email-accounts-error]")).ToContainTextAsync("not started here");

        await WaitForCircuitAsync(page);
        await smtp.Locator("[data-testid=email-account-deactivate]").ClickAsync();
        await page.ClickAsync("[data-testid=confirm-deactivate]"); // the dialog asks first
        await Assertions.Expect(smtp.Locator("[data-testid=email-account-active]")).ToHaveTextAsync("no");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _google.Stop();
        _google.Dispose();
    }
}
