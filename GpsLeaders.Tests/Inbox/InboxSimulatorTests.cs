using GpsLeaders.Data.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Inbox;

/// <summary>The development simulator a new user tries the inbox with, no phone needed.</summary>
public class InboxSimulatorTests : BrowserTest
{
    protected override IDictionary<string, string?> AppSettings => new Dictionary<string, string?> { ["Simulator:Enabled"] = "true" };

    [Fact]
    public async Task A_simulated_text_lands_in_the_inbox_the_reply_reaches_the_simulator_phone_and_its_delivery_shows()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/dev/simulator");
        await page.FillAsync("[data-testid=simulator-from]", "(737) 555-2591");
        await page.FillAsync("[data-testid=simulator-text]", "Do you install the trackers?");
        await page.ClickAsync("[data-testid=simulator-send]");
        await Assertions.Expect(page.Locator("[data-testid=simulator-result]")).ToContainTextAsync("Delivered to the CRM");

        await OpenAsync(page, "/inbox");
        await page.Locator("[data-testid=inbox-row]", new() { HasText = "Do you install the trackers?" }).ClickAsync();
        await page.FillAsync("[data-testid=composer-body]", "No installer needed: it plugs into the OBD port.");
        await page.ClickAsync("[data-testid=composer-send]");
        var bubble = page.Locator("[data-testid=sms-bubble][data-direction=out]").Last;
        await Assertions.Expect(bubble.Locator("[data-testid=sms-status]")).ToHaveTextAsync("Queued");

        await OpenAsync(page, "/dev/simulator");
        var sent = page.Locator("[data-testid=simulator-outbox-row]", new() { HasText = "OBD port" });
        await Assertions.Expect(sent).ToContainTextAsync("(737) 555-2591");
        await sent.Locator("[data-testid=simulator-deliver]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=simulator-result]")).ToContainTextAsync("Delivery report sent");

        await using var db = Db();
        var message = await db.SmsMessages.SingleAsync(m => m.Body == "No installer needed: it plugs into the OBD port.");
        Assert.Equal(SmsStatus.DELIVERED, message.Status);
    }

    [Fact]
    public async Task A_simulated_email_and_booking_show_in_the_inbox_and_on_the_lead()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/dev/simulator");
        await page.FillAsync("[data-testid=simulator-mail-from]", "new.fleet@example.com");
        await page.ClickAsync("[data-testid=simulator-mail-send]");
        await Assertions.Expect(page.Locator("[data-testid=simulator-result]")).ToContainTextAsync("Filed in the inbox");
        await page.FillAsync("[data-testid=simulator-book-email]", "new.fleet@example.com");
        await page.ClickAsync("[data-testid=simulator-book]");
        await Assertions.Expect(page.Locator("[data-testid=simulator-result]")).ToContainTextAsync("Booking created");

        await OpenAsync(page, "/inbox");
        await page.ClickAsync("[data-testid=inbox-channel-email]");
        await page.Locator("[data-testid=inbox-row]", new() { HasText = "pricing for 8 vans" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=email-message]").Last).ToContainTextAsync("Trackers for 8 vans");
        await using var db = Db();
        var lead = await db.Leads.SingleAsync(l => l.Contact.EmailNormalized == "new.fleet@example.com");
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.LeadId == lead.Id));
    }
}
