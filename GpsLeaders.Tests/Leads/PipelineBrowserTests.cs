using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Leads;

/// <summary>The pipeline board as a rep uses it: dragging cards between stage columns.</summary>
public class PipelineBrowserTests : BrowserTest
{
    /// <summary>
    /// Drags <paramref name="card"/> onto the column of <paramref name="stage"/> at the card's own height, so the drag needs no
    /// scrolling: a drag that scrolls the page picks up whichever card is under the mouse after the scroll.
    /// </summary>
    static async Task DragAsync(IPage page, ILocator card, LeadStage stage)
    {
        await card.ScrollIntoViewIfNeededAsync();
        var from = (await card.BoundingBoxAsync())!;
        var column = (await Column(page, stage).BoundingBoxAsync())!;
        await card.DragToAsync(Column(page, stage), new() { TargetPosition = new() { X = 40, Y = from.Y + from.Height / 2 - column.Y } });
    }

    static ILocator Column(IPage page, LeadStage stage) => page.Locator($"[data-testid=pipeline-column][data-stage={stage}]");

    [Fact]
    public async Task Dragging_a_card_to_another_column_moves_the_lead_and_a_drop_on_lost_asks_why_and_a_cancel_puts_the_card_back()
    {
        var page = await SignedInAsync("rep1@gpsleaders.test");
        // Wide enough for every column: a drag that has to scroll the page would start from wherever the mouse went down.
        await page.SetViewportSizeAsync(3000, 900);
        await OpenAsync(page, "/pipeline");
        var card = page.Locator($"[data-testid=pipeline-column][data-stage={LeadStage.NEW_LEAD}] [data-testid=lead-card]").First;
        var leadId = (await card.GetAttributeAsync("data-lead"))!;
        var moved = page.Locator($"[data-testid=lead-card][data-lead='{leadId}']");

        await DragAsync(page, moved, LeadStage.QUOTED);
        await Assertions.Expect(page.Locator($"[data-testid=pipeline-column][data-stage={LeadStage.QUOTED}] [data-testid=lead-card][data-lead='{leadId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "moved to Quoted" })).ToBeVisibleAsync();
        await using (var db = Db()) Assert.Equal(LeadStage.QUOTED, await db.Leads.Where(l => l.Id == leadId).Select(l => l.Stage).SingleAsync());

        // Lost needs a reason: cancelling the dialog puts the card back in its stage.
        await DragAsync(page, moved, LeadStage.LOST);
        await Assertions.Expect(page.Locator("[data-testid=lost-reason-dialog]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=lost-cancel]");
        await Assertions.Expect(page.Locator("[data-testid=lost-reason-dialog]")).ToHaveCountAsync(0); // its overlay would take the next action
        await Assertions.Expect(page.Locator($"[data-testid=pipeline-column][data-stage={LeadStage.QUOTED}] [data-testid=lead-card][data-lead='{leadId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-testid=pipeline-column][data-stage={LeadStage.LOST}] [data-testid=lead-card][data-lead='{leadId}']")).ToHaveCountAsync(0);
        await using (var db = Db()) Assert.Equal(LeadStage.QUOTED, await db.Leads.Where(l => l.Id == leadId).Select(l => l.Stage).SingleAsync());

        // With a reason it moves (through the card's menu: a second drag onto Lost right after a cancelled one is not
        // reliable in a full run yet: README, Pipeline).
        await moved.Locator("[data-testid=card-move] button").ClickAsync();
        await page.Locator("[data-testid=card-move-option]", new() { HasText = "Lost" }).ClickAsync();
        await page.FillAsync("[data-testid=lost-reason]", "Went with a cheaper tracker");
        await page.ClickAsync("[data-testid=lost-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "moved to Lost" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-testid=pipeline-column][data-stage={LeadStage.QUOTED}] [data-testid=lead-card][data-lead='{leadId}']")).ToHaveCountAsync(0);
        await using (var db = Db()) Assert.Equal(LeadStage.LOST, await db.Leads.Where(l => l.Id == leadId).Select(l => l.Stage).SingleAsync());
    }

    [Fact]
    public async Task A_search_typed_as_soon_as_the_board_shows_runs_on_the_first_enter()
    {
        string company;
        int leads;
        await using (var db = Db())
        {
            company = await db.Leads.Where(l => l.Company != null).OrderBy(l => l.Id).Select(l => l.Company!.Name).FirstAsync();
            // (no demo contact name or email holds a company name, so these are all the search finds)
            leads = await db.Leads.CountAsync(l => l.Company != null && EF.Functions.ILike(l.Company.Name, "%" + company + "%"));
        }
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, "/pipeline");
        // No pause: a user types the moment the search box shows, and presses Enter once.
        await page.FillAsync("input[data-testid=pipeline-search]", company);
        await page.PressAsync("input[data-testid=pipeline-search]", "Enter");
        await Assertions.Expect(page.Locator("[data-testid=lead-card]")).ToHaveCountAsync(leads);
        await Assertions.Expect(page.Locator("[data-testid=pipeline-total]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{leads} leads? "));
        foreach (var link in await page.Locator("[data-testid=card-link]").AllAsync())
            await Assertions.Expect(link).ToContainTextAsync(company);
    }
}
