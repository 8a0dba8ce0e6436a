using System.Globalization;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Dialer;

/// <summary>A rep builds a call list on /dialer, sees it with its count, and a refresh after new leads keeps their place.</summary>
public class CallListBrowserTests : BrowserTest
{
    [Fact]
    public async Task Build_a_list_from_a_filter_and_refresh_it_after_a_new_matching_lead_keeping_the_place()
    {
        var filter = new CallListFilter { Stages = [LeadStage.HOT, LeadStage.QUALIFIED], HasPhone = true };
        var expected = await Service<CallListService>().PreviewCountAsync(filter);
        Assert.True(expected >= 4, $"the demo data should have a few HOT / QUALIFIED leads with a phone ({expected})");

        var page = await SignedInAsync("rep1@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-dialer]");
        await Assertions.Expect(page.Locator("[data-testid=call-list-builder]")).ToBeVisibleAsync();
        // The calling-hours rule the dialer applies (the demo data sets 09:00-19:00) is told where the list is built.
        await Assertions.Expect(page.Locator("[data-testid=cl-calling-hours]")).ToContainTextAsync("Leads are offered only between 9 AM and 7 PM in each contact's own time zone");
        await page.ClickAsync("[data-testid=cl-stages]");
        await page.Locator("[data-testid=cl-stages-option]", new() { HasText = "Hot" }).ClickAsync();
        await page.Locator("[data-testid=cl-stages-option]", new() { HasText = "Qualified" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.CheckAsync("[data-testid=cl-has-phone]");
        await Assertions.Expect(page.Locator("[data-testid=cl-preview-count]")).ToHaveTextAsync(expected.ToString("N0"));
        await page.FillAsync("[data-testid=cl-name]", "Hot and qualified");
        await page.ClickAsync("[data-testid=cl-save]");
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = $"with {expected:N0} leads" })).ToBeVisibleAsync();

        var row = page.Locator("[data-testid=call-list-row]", new() { HasText = "Hot and qualified" });
        await Assertions.Expect(row.Locator("[data-testid=call-list-leads]")).ToHaveTextAsync(expected.ToString("N0"));
        await Assertions.Expect(row.Locator("[data-testid=call-list-position]")).ToHaveTextAsync($"0 / {expected}");
        var listId = await row.GetAttributeAsync("data-list-id");
        Assert.Equal($"/dialer/{listId}", await row.Locator("[data-testid=call-list-start]").GetAttributeAsync("href"));

        // rep1 has called the first two leads; then the first one asks not to be called and a new HOT lead comes in.
        string rep1, next, newLead;
        await using (var db = Db())
        {
            rep1 = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test").Select(u => u.Id).SingleAsync();
            var list = await db.CallLists.SingleAsync(l => l.Id == listId);
            Assert.Equal("Hot and qualified", list.Name);
            next = list.LeadIds[2];
            db.Settings.Add(new Setting { Key = CallListService.PositionKey(list.Id, rep1), Value = "2" });
            list.Position = 2;
            var first = await db.Leads.SingleAsync(l => l.Id == list.LeadIds[0]);
            first.IsDnc = true;
            var template = await db.Leads.Where(l => l.Contact.PhoneE164 != null && !l.IsDnc && l.CompanyId != null).OrderBy(l => l.Id).FirstAsync();
            var lead = new Lead { CompanyId = template.CompanyId, ContactId = template.ContactId, Stage = LeadStage.HOT, Source = "referral" };
            db.Leads.Add(lead);
            newLead = lead.Id;
            await db.SaveChangesAsync();
        }

        await row.Locator("[data-testid=call-list-refresh]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "1 added, 1 removed" })).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-testid=call-list-leads]")).ToHaveTextAsync(expected.ToString("N0"));
        await Assertions.Expect(row.Locator("[data-testid=call-list-position]")).ToHaveTextAsync($"1 / {expected}");
        await using var check = Db();
        var refreshed = await check.CallLists.SingleAsync(l => l.Id == listId);
        var saved = await check.Settings.SingleAsync(s => s.Key == CallListService.PositionKey(listId!, rep1));
        Assert.Equal(next, refreshed.LeadIds[GpsLeaders.Data.Dialer.DialerSession.ParsePlace(saved.Value)!.Index]); // the same lead is next for rep1
        Assert.Equal(newLead, refreshed.LeadIds[^1]);
    }
}
