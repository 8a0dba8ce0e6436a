using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Req = WireMock.RequestBuilders.Request;
using Resp = WireMock.ResponseBuilders.Response;

namespace GpsLeaders.Tests.Inbox;

/// <summary>Setting up a gateway, and working the inbox by keyboard with assignments that notify the assignee.</summary>
public class InboxWorkflowTests : BrowserTest
{
    [Fact]
    public async Task An_admin_adds_a_gateway_sees_its_webhook_url_and_a_test_send_reaches_the_phone()
    {
        using var phone = WireMock.Server.WireMockServer.Start();
        phone.Given(Req.Create().WithPath("/message").UsingPost()).RespondWith(Resp.Create().WithStatusCode(202));
        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/admin/sms-gateways");

        await page.FillAsync("[data-testid=gateway-label]", "Office Pixel");
        await page.FillAsync("[data-testid=gateway-url]", "not a url");
        await page.ClickAsync("[data-testid=gateway-save]");
        // Each refusal is told on its field (the input's accessible description).
        await Assertions.Expect(page.Locator("[data-testid=gateway-url]")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("http"));
        await Assertions.Expect(page.Locator("[data-testid=gateway-from]")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("SIM"));

        await page.FillAsync("[data-testid=gateway-url]", phone.Url!);
        await page.FillAsync("[data-testid=gateway-username]", "sms");
        await page.FillAsync("[data-testid=gateway-password] input, input[data-testid=gateway-password]", "s3cret-pass");
        await page.FillAsync("[data-testid=gateway-from]", "(512) 555-2300");
        await page.FillAsync("[data-testid=gateway-key]", "signing-key-1234");
        await page.ClickAsync("[data-testid=gateway-save]");
        var row = page.Locator("[data-testid=gateway-row]", new() { HasText = "Office Pixel" });
        await Assertions.Expect(row.Locator("[data-testid=gateway-webhook-url]")).ToContainTextAsync("/webhooks/sms-gateway/");
        await Assertions.Expect(row.Locator("[data-testid=gateway-stale]")).ToBeVisibleAsync(); // never heard from yet

        await using (var db = Db())
        {
            var gateway = await db.SmsGateways.SingleAsync(g => g.Label == "Office Pixel");
            Assert.DoesNotContain("s3cret-pass", gateway.PasswordEncrypted);
            Assert.DoesNotContain("signing-key-1234", await db.Settings.Where(s => s.Key == "smsGateway." + gateway.Id).Select(s => s.Value).SingleAsync());
        }
        Assert.DoesNotContain("s3cret-pass", await page.ContentAsync());

        await page.ClickAsync("[data-testid=gateway-test-gateway]");
        await page.Locator("[data-testid=gateway-test-gateway-option]", new() { HasText = "Office Pixel" }).ClickAsync();
        await page.FillAsync("[data-testid=gateway-test-to]", "(512) 555-2301");
        await page.ClickAsync("[data-testid=gateway-test-send]");
        await Assertions.Expect(page.Locator("[data-testid=gateway-test-result]")).ToContainTextAsync("Accepted by Office Pixel");
        var sent = Assert.Single(phone.LogEntries, e => e.RequestMessage!.Path == "/message");
        using var body = System.Text.Json.JsonDocument.Parse(sent.RequestMessage!.Body!);
        Assert.Equal("+15125552301", body.RootElement.GetProperty("phoneNumbers")[0].GetString());
    }

    [Fact]
    public async Task Keyboard_moves_through_conversations_archives_and_an_assignment_toasts_the_assignee()
    {
        string operatorName;
        await using (var db = Db())
            operatorName = await db.Users.Where(u => u.Email == "operator@gpsleaders.test").Select(u => u.FirstName + " " + u.LastName).SingleAsync();
        var admin = await SignedInAsync("admin@gpsleaders.test");
        var operatorPage = await SignedInAsync("operator@gpsleaders.test");
        await OpenAsync(admin, "/inbox");
        // "Mark read" on a row reads it without opening it (the demo starts with a few unread replies).
        var unread = admin.Locator("[data-testid=inbox-row]", new() { Has = admin.Locator("[data-testid=inbox-row-unread]") }).First;
        var unreadId = await unread.GetAttributeAsync("data-conversation-id");
        await unread.Locator("[data-testid=inbox-row-mark-read]").ClickAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=inbox-row][data-conversation-id='{unreadId}'] [data-testid=inbox-row-unread]")).ToHaveCountAsync(0);
        Assert.EndsWith("/inbox", admin.Url);
        var rows = admin.Locator("[data-testid=inbox-row]");
        var first = await rows.Nth(0).GetAttributeAsync("data-conversation-id");
        var second = await rows.Nth(1).GetAttributeAsync("data-conversation-id");

        await admin.Keyboard.PressAsync("j");
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/inbox/{first}$"));
        await admin.Keyboard.PressAsync("j");
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/inbox/{second}$"));
        await admin.Keyboard.PressAsync("k");
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/inbox/{first}$"));
        await Assertions.Expect(admin.Locator("[data-testid=conversation-archive]")).ToHaveTextAsync("Archive");
        await admin.Keyboard.PressAsync("e");
        await Assertions.Expect(admin.Locator("[data-testid=conversation-archive]")).ToHaveTextAsync("Unarchive");
        await Assertions.Expect(admin.Locator($"[data-testid=inbox-row][data-conversation-id='{first}']")).ToHaveCountAsync(0);

        await admin.ClickAsync("[data-testid=conversation-assignee]");
        await admin.Locator("[data-testid=conversation-assignee-option]", new() { HasText = operatorName }).ClickAsync();
        await Assertions.Expect(operatorPage.Locator("[data-testid=toast]", new() { HasText = "assigned you the conversation" })).ToBeVisibleAsync();
        await using var check = Db();
        var conversation = await check.Conversations.SingleAsync(c => c.Id == first);
        Assert.True(conversation.IsArchived);
        Assert.Equal(await check.Users.Where(u => u.Email == "operator@gpsleaders.test").Select(u => u.Id).SingleAsync(), conversation.UserId);
        Assert.Equal(1, await check.Activities.CountAsync(a => a.ActivityType == "conversation.assigned" && a.LeadId == conversation.LeadId));
    }
}
