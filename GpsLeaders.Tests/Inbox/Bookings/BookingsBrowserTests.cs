using GpsLeaders.Data.Inbox.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Inbox.Bookings;

/// <summary>A Cal.com booking as the team meets it: live on the dashboard, then on the lead page with its task.</summary>
public class BookingsBrowserTests : BrowserTest
{
    [Fact]
    public async Task A_signed_booking_shows_on_the_dashboard_live_and_on_the_lead_page_with_its_task()
    {
        string email, name, repName;
        await using (var db = Db())
        {
            var contact = await db.Contacts
                .Where(c => c.EmailNormalized != null && c.FirstName != null && c.Company != null && c.Company.AssignedRepId != null
                    && db.Leads.Any(l => l.ContactId == c.Id))
                .OrderBy(c => c.Id)
                .Select(c => new { c.EmailNormalized, c.FirstName, c.LastName, Rep = c.Company!.AssignedRep!.FirstName + " " + c.Company.AssignedRep.LastName })
                .FirstAsync();
            (email, name, repName) = (contact.EmailNormalized!, $"{contact.FirstName} {contact.LastName}".Trim(), contact.Rep);
        }
        var admin = await Db().Users.Where(u => u.Email == "admin@gpsleaders.test").Select(u => u.Id).SingleAsync();
        await Service<CalcomSettings>().SetSecretAsync(CalcomDeliveries.Secret, admin);

        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/");
        await Assertions.Expect(page.Locator("[data-testid=todays-bookings]")).ToContainTextAsync("No meetings booked for today");

        // Today in the browser's zone (Chromium runs in this process's zone); a booking just past midnight would be tomorrow's.
        var start = DateTime.UtcNow.AddMinutes(30);
        if (TimeZoneInfo.ConvertTimeFromUtc(start, TimeZoneInfo.Local).Date != TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.Local).Date)
            start = DateTime.UtcNow.AddHours(-1);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMinute));
        using var client = App.CreateRealClient();
        var response = await CalcomDeliveries.PostAsync(client, CalcomDeliveries.Envelope("BOOKING_CREATED", "uid-browser-1", start, email, name, title: "Fleet walkthrough"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var row = page.Locator("[data-testid=todays-bookings] [data-testid=booking-row]");
        await Assertions.Expect(row).ToContainTextAsync("Fleet walkthrough", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=todays-bookings-count]")).ToHaveTextAsync("1");

        string leadId;
        await using (var db = Db()) leadId = (await db.Bookings.SingleAsync(b => b.CalBookingUid == "uid-browser-1")).LeadId!;
        await OpenAsync(page, $"/leads/{leadId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Bookings" }).ClickAsync();
        var booking = page.Locator("[data-testid=bookings-upcoming] [data-testid=booking-row]");
        await Assertions.Expect(booking.Locator("[data-testid=booking-title]")).ToContainTextAsync($"Fleet walkthrough");
        await Assertions.Expect(booking.Locator("[data-testid=booking-status]")).ToHaveTextAsync("Scheduled");
        await Assertions.Expect(booking.Locator("[data-testid=booking-task]")).ToContainTextAsync($"Meeting: Fleet walkthrough with {name}");
        await Assertions.Expect(booking.Locator("[data-testid=booking-task]")).ToContainTextAsync(repName);
        await Assertions.Expect(booking.Locator("[data-testid=booking-link]")).ToHaveAttributeAsync("href", "https://cal.example.com/video/abc");

        // A cancellation reaches the open lead page live.
        await CalcomDeliveries.PostAsync(client, CalcomDeliveries.Envelope("BOOKING_CANCELLED", "uid-browser-1", start, email, name, cancellationReason: "Trip moved"));
        var past = page.Locator("[data-testid=bookings-past] [data-testid=booking-row]");
        await Assertions.Expect(past.Locator("[data-testid=booking-status]")).ToHaveTextAsync("Cancelled", new() { Timeout = 15_000 });
        await Assertions.Expect(past).ToContainTextAsync("Trip moved");
    }

    [Fact]
    public async Task An_admin_sets_the_webhook_secret_and_sees_it_only_masked()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await Assertions.Expect(page.Locator("[data-testid=nav-calcom]")).ToBeVisibleAsync();
        await OpenAsync(page, "/admin/calcom");
        await Assertions.Expect(page.Locator("[data-testid=calcom-webhook-url]")).ToHaveTextAsync(App.BaseAddress.ToString().TrimEnd('/') + "/webhooks/calcom");
        await Assertions.Expect(page.Locator("[data-testid=calcom-secret-masked]")).ToHaveTextAsync("(not set)");
        await page.FillAsync("input[data-testid=calcom-secret], [data-testid=calcom-secret] input", "short");
        await page.ClickAsync("[data-testid=calcom-save]");
        await Assertions.Expect(page.Locator("input[data-testid=calcom-secret]")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("at least 16"));
        await page.FillAsync("input[data-testid=calcom-secret], [data-testid=calcom-secret] input", "a-long-enough-secret-9876");
        await page.ClickAsync("[data-testid=calcom-save]");
        await Assertions.Expect(page.Locator("[data-testid=calcom-secret-masked]")).ToHaveTextAsync("••••9876");
        Assert.Equal("a-long-enough-secret-9876", await Service<CalcomSettings>().SecretAsync());
        await using var db = Db();
        var stored = await db.Settings.Where(s => s.Key == CalcomSettings.SecretKey).Select(s => s.Value).SingleAsync();
        Assert.DoesNotContain("a-long-enough-secret", stored);
    }
}
