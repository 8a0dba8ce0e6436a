using GpsLeaders.Data.Inbox;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Inbox;

/// <summary>A rep who types another rep's conversation id into the address bar meets the same page as for an id that does not exist.</summary>
public class InboxAccessTests : BrowserTest
{
    [Fact]
    public async Task A_rep_opening_another_reps_conversation_sees_not_found_and_not_the_thread()
    {
        // A thread text nothing else on the page could show.
        const string text = "Gate code for the yard is 4417, ask for Ramon";
        string conversationId;
        await using (var db = Db())
        {
            var rep2 = await db.Users.Where(u => u.Email == "rep2@gpsleaders.test").Select(u => u.Id).SingleAsync();
            var thread = await db.Conversations.Where(c => c.Channel == ConversationChannel.SMS && db.SmsMessages.Any(m => m.LeadId == c.LeadId))
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.LeadId }).FirstAsync();
            conversationId = thread.Id;
            var newest = await db.SmsMessages.Where(m => m.LeadId == thread.LeadId).OrderByDescending(m => m.CreatedAt).Select(m => m.Id).FirstAsync();
            await db.SmsMessages.Where(m => m.Id == newest).ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, text));
            await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.UserId, rep2).SetProperty(c => c.UnreadCount, 3).SetProperty(c => c.IsArchived, false));
        }

        var rep1 = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(rep1, $"/inbox/{Guid.CreateVersion7()}");
        var missing = rep1.Locator("[data-testid=conversation-missing]");
        await Assertions.Expect(missing).ToHaveTextAsync("This conversation no longer exists.");
        var unknownPane = await rep1.Locator("[data-testid=inbox-pane]").InnerTextAsync();

        await OpenAsync(rep1, $"/inbox/{conversationId}");
        await Assertions.Expect(missing).ToHaveTextAsync("This conversation no longer exists.");
        Assert.Equal(unknownPane, await rep1.Locator("[data-testid=inbox-pane]").InnerTextAsync());
        await Assertions.Expect(rep1.Locator("[data-testid=conversation-header]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(text, await rep1.ContentAsync());

        // Opening it did not read it for rep2, and it is not in rep1's list.
        await Assertions.Expect(rep1.Locator($"[data-testid=inbox-row][data-conversation-id='{conversationId}']")).ToHaveCountAsync(0);
        await using (var db = Db())
            Assert.Equal(3, await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.UnreadCount).SingleAsync());

        // The same address works for the operator, who answers every conversation: the page above was the rule, not a broken link.
        var operatorPage = await SignedInAsync("operator@gpsleaders.test");
        await OpenAsync(operatorPage, $"/inbox/{conversationId}");
        await Assertions.Expect(operatorPage.Locator("[data-testid=sms-text]", new() { HasText = text }).First).ToBeVisibleAsync();
    }

    /// <summary>The other id-taking download: an import report is for the person who ran the import; anyone else gets the unknown-id 404.</summary>
    [Fact]
    public async Task An_import_report_downloads_only_for_the_rep_who_ran_the_import()
    {
        string rep1Id;
        await using (var db = Db()) rep1Id = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test").Select(u => u.Id).SingleAsync();
        var id = Service<GpsLeaders.Blazor.Import.ImportReports>().Keep(rep1Id,
            new GpsLeaders.Data.Import.ImportResult("fleet-scrape.csv", "google_maps", [], 0, 0, 0, TimeSpan.Zero));

        var rep1 = await SignedInAsync("rep1@gpsleaders.test");
        var rep2 = await SignedInAsync("rep2@gpsleaders.test");
        Assert.Equal(200, (await rep1.APIRequest.GetAsync($"/import/report/{id}")).Status);
        Assert.Equal(404, (await rep2.APIRequest.GetAsync($"/import/report/{id}")).Status);
        Assert.Equal(404, (await rep2.APIRequest.GetAsync($"/import/report/{new string('0', 32)}")).Status);
    }
}
