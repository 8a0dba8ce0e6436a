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
    public async Task Dragging_a_card_to_another_column_moves_the_lead_and_a_drop_on_lost_asks_why_first()
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

        // Lost needs a reason: cancelling the dialog leaves the lead where it was.
        await DragAsync(page, moved, LeadStage.LOST);
        await Assertions.Expect(page.Locator("[data-testid=lost-reason-dialog]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=lost-cancel]");
        await Assertions.Expect(page.Locator("[data-testid=lost-reason-dialog]")).ToHaveCountAsync(0); // its overlay would take the next drag
        await Assertions.Expect(page.Locator($"[data-testid=pipeline-column][data-stage={LeadStage.QUOTED}] [data-testid=lead-card][data-lead='{leadId}']")).ToBeVisibleAsync();
        await using (var db = Db()) Assert.Equal(LeadStage.QUOTED, await db.Leads.Where(l => l.Id == leadId).Select(l => l.Stage).SingleAsync());
    }
}
