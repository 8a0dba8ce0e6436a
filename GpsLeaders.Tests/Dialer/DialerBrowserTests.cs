using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Dialer;

/// <summary>The power dialer as reps use it: keyboard only, resuming, two reps on one list, automatic skips.</summary>
public class DialerBrowserTests : BrowserTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Db();
        await DialerTestData.OpenAllDayAsync(db);
    }

    static ILocator Lead(IPage page) => page.Locator("[data-testid=dialer-lead]");

    static Task ExpectLeadAsync(IPage page, string leadId) =>
        Assertions.Expect(Lead(page)).ToHaveAttributeAsync("data-lead-id", leadId, new() { Timeout = 15_000 });

    static async Task<string> CurrentLeadAsync(IPage page)
    {
        await Assertions.Expect(Lead(page)).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        return (await Lead(page).GetAttributeAsync("data-lead-id"))!;
    }

    /// <summary>Opens a list and waits for the key help, which shows once the page listens to keys (a key pressed earlier is lost).</summary>
    static async Task OpenDialerAsync(IPage page, string listId)
    {
        await OpenAsync(page, $"/dialer/{listId}");
        await Assertions.Expect(page.Locator("[data-testid=dialer-shortcuts]")).ToContainTextAsync("save & next", new() { Timeout = 15_000 });
    }

    static async Task PressAsync(IPage page, string outcome, string key)
    {
        await page.Keyboard.PressAsync(key);
        await Assertions.Expect(page.Locator($"[data-testid=dialer-outcome-{outcome}]")).ToHaveAttributeAsync("data-selected", "true");
    }

    [Fact]
    public async Task A_rep_works_five_leads_with_the_keyboard_only_then_stops_and_resumes_at_the_next_lead()
    {
        string listId, tagName, tagSlug;
        List<string> ids;
        await using (var db = Db())
        {
            ids = await DialerTestData.CallableLeadsAsync(db, 7);
            listId = (await DialerTestData.CreateListAsync(db, ids, "Keyboard list")).Id;
            var tag = await db.Tags.Where(t => t.Category == TagCategory.DISPOSITION && t.IsActive).OrderBy(t => t.SortOrder).FirstAsync();
            (tagName, tagSlug) = (tag.Name, tag.Slug);
        }
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenDialerAsync(page, listId);
        await ExpectLeadAsync(page, ids[0]);

        // 1: dialled with D (the timer runs), connected, with a note and a disposition tag.
        await page.Keyboard.PressAsync("d");
        await Assertions.Expect(page.Locator("[data-testid=dialer-timer]")).Not.ToHaveTextAsync("0:00", new() { Timeout = 5_000 });
        await PressAsync(page, "CONNECTED", "1");
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("#dialer-note")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Wants a quote for twelve vans");
        await page.Keyboard.PressAsync("Escape");
        await PickTagAsync(page, tagName);
        await page.Keyboard.PressAsync("Enter");
        await ExpectLeadAsync(page, ids[1]);

        // 2: no answer, call back tomorrow at the preset time, saved from inside the field with Ctrl+Enter.
        await PressAsync(page, "NO_ANSWER", "2");
        await page.Keyboard.PressAsync("c");
        await Assertions.Expect(page.Locator("#dialer-callback-at")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await ExpectLeadAsync(page, ids[2]);

        // 3: V drops the default voicemail (and makes the outcome VOICEMAIL).
        await page.Keyboard.PressAsync("v");
        await Assertions.Expect(page.Locator("[data-testid=dialer-outcome-VOICEMAIL]")).ToHaveAttributeAsync("data-selected", "true");
        await Assertions.Expect(page.Locator("[data-testid=dialer-drop]")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Enter");
        await ExpectLeadAsync(page, ids[3]);

        // 4 and 5: busy, wrong number.
        await PressAsync(page, "BUSY", "4");
        await page.Keyboard.PressAsync("Enter");
        await ExpectLeadAsync(page, ids[4]);
        await PressAsync(page, "WRONG_NUMBER", "5");
        await page.Keyboard.PressAsync("Enter");
        await ExpectLeadAsync(page, ids[5]);
        await Assertions.Expect(page.Locator("[data-testid=dialer-stat-calls]")).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("[data-testid=dialer-stat-connects]")).ToHaveTextAsync("1");

        await using (var db = Db())
        {
            var calls = await db.CallLogs.Where(c => ids.Contains(c.LeadId!) && c.Provider == "dialer").ToListAsync();
            Assert.Equal([CallOutcome.CONNECTED, CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL, CallOutcome.BUSY, CallOutcome.WRONG_NUMBER],
                ids.Take(5).Select(id => calls.Single(c => c.LeadId == id).Outcome));
            Assert.True(calls.Single(c => c.LeadId == ids[2]).VoicemailDropped);
            Assert.Equal("Wants a quote for twelve vans", calls.Single(c => c.LeadId == ids[0]).Notes);
            Assert.True(calls.Single(c => c.LeadId == ids[0]).DurationSeconds > 0); // timed from the D key
            Assert.True(await db.LeadTags.AnyAsync(t => t.LeadId == ids[0] && t.TagSlug == tagSlug && t.RemovedAt == null));
            Assert.True(await db.Notes.AnyAsync(n => n.LeadId == ids[0] && n.Body == "Wants a quote for twelve vans"));
            var now = DateTime.UtcNow;
            Assert.True(await db.Tasks.AnyAsync(t => t.LeadId == ids[1] && t.TaskType == TaskType.CALL && t.Title.StartsWith("Call back") && t.DueAt > now));
            var wrong = await db.Leads.Where(l => l.Id == ids[4]).Select(l => l.Contact).SingleAsync();
            Assert.False(wrong.IsSmsEligible);
        }

        // The rep stops (leaves the screen) and comes back later: the sixth lead, not the first.
        await OpenAsync(page, "/");
        await OpenDialerAsync(page, listId);
        await ExpectLeadAsync(page, ids[5]);
        await Assertions.Expect(page.Locator("[data-testid=dialer-position]")).ToHaveTextAsync("6 of 7");
    }

    /// <summary>T, then the arrow keys and Enter in the tag list; checks what it offers when told.</summary>
    static async Task PickTagAsync(IPage page, string tagName, string[]? offered = null)
    {
        await page.Keyboard.PressAsync("t");
        var options = page.Locator("[data-testid=dialer-tag-option]");
        await Assertions.Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        if (offered is not null)
        {
            await Assertions.Expect(options).ToHaveTextAsync(offered);
            await AssertAccessibleAsync(page); // the open list, the talk-time field and the rest of the dialer
        }
        var names = (await options.AllTextContentsAsync()).ToList();
        var at = names.IndexOf(tagName);
        Assert.True(at >= 0, $"{tagName} is not offered: {string.Join(", ", names)}");
        for (var i = 0; i < at; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(options.Nth(i + 1)).ToHaveAttributeAsync("aria-selected", "true");
        }
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=dialer-tag-value]")).ToHaveTextAsync(tagName);
    }

    [Fact]
    public async Task A_connected_call_is_saved_with_the_talk_time_measured_from_dial_to_hang_up_or_as_corrected()
    {
        string listId;
        List<string> ids, dispositionTags;
        await using (var db = Db())
        {
            ids = await DialerTestData.CallableLeadsAsync(db, 3);
            listId = (await DialerTestData.CreateListAsync(db, ids, "Talk time")).Id;
            dispositionTags = await db.Tags.Where(t => t.Category == TagCategory.DISPOSITION && t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => t.Name).ToListAsync();
        }
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenDialerAsync(page, listId);
        await ExpectLeadAsync(page, ids[0]);
        var timer = page.Locator("[data-testid=dialer-timer]");

        // Dial, choose CONNECTED at once (the rep is talking), and the timer keeps running until H.
        await page.Keyboard.PressAsync("d");
        await PressAsync(page, "CONNECTED", "1");
        await Assertions.Expect(timer).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^0:0[3-9]$|^[1-9]\d*:|^0:[1-5]\d$"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=dialer-hangup]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("h");
        await Assertions.Expect(page.Locator("[data-testid=dialer-hangup]")).ToHaveCountAsync(0);
        var shown = (await timer.TextContentAsync())!.Split(':');
        var measured = int.Parse(shown[0]) * 60 + int.Parse(shown[1]);
        await Assertions.Expect(page.Locator("input[data-testid=dialer-duration]")).ToHaveValueAsync(measured.ToString());
        Assert.True(measured >= 3);

        // The tag picker offers the disposition tags and nothing else (no stages, priorities or people).
        await PickTagAsync(page, dispositionTags[1], dispositionTags.ToArray());
        await page.Keyboard.PressAsync("Enter");
        await ExpectLeadAsync(page, ids[1]);

        // The next call's talk time is corrected by hand before saving.
        await page.Keyboard.PressAsync("d");
        await PressAsync(page, "CONNECTED", "1");
        await page.Keyboard.PressAsync("h");
        await page.Locator("input[data-testid=dialer-duration]").FillAsync("125");
        await page.Keyboard.PressAsync("Control+Enter");
        await ExpectLeadAsync(page, ids[2]);

        await using var check = Db();
        var calls = await check.CallLogs.Where(c => ids.Contains(c.LeadId!) && c.Provider == "dialer").ToDictionaryAsync(c => c.LeadId!, c => c.DurationSeconds);
        Assert.Equal(measured, calls[ids[0]]);
        Assert.Equal(125, calls[ids[1]]);
    }

    [Fact]
    public async Task A_list_met_outside_calling_hours_offers_its_leads_again_once_the_hours_are_widened()
    {
        string listId;
        List<string> ids;
        await using (var db = Db())
        {
            ids = await DialerTestData.CallableLeadsAsync(db, 3);
            listId = (await DialerTestData.CreateListAsync(db, ids, "Evening list")).Id;
            await DialerTestData.CloseHoursForChicagoAsync(db, ids, DateTime.UtcNow);
        }
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenDialerAsync(page, listId);
        // Nobody may be called now: the leads wait (not "End of the list"), and the screen says when the first one may be.
        var waiting = page.Locator("[data-testid=dialer-waiting]");
        await Assertions.Expect(waiting).ToHaveAttributeAsync("data-waiting", "3", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=dialer-next-callable]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Next callable lead at .*\d:\d\d [AP]M your time \("));
        await Assertions.Expect(page.Locator("[data-testid=dialer-end]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=dialer-skip-OutsideCallingHours]")).ToHaveAttributeAsync("data-count", "3");

        // The admin widens the hours; the rep comes back to the same list and it starts at its first lead again.
        await using (var db = Db()) await DialerTestData.SetHoursAsync(db, "00:00", "24:00");
        await page.Locator("[data-testid=dialer-check-again]").ClickAsync();
        await ExpectLeadAsync(page, ids[0]);
        await Assertions.Expect(page.Locator("[data-testid=dialer-position]")).ToHaveTextAsync("1 of 3");
        await PressAsync(page, "NO_ANSWER", "2");
        await page.Keyboard.PressAsync("Enter");
        await ExpectLeadAsync(page, ids[1]);

        // Restart from the top: the first lead was just called, so it waits; the walk offers the second again.
        await page.Locator("[data-testid=dialer-restart]").First.ClickAsync();
        await ExpectLeadAsync(page, ids[1]);
        await Assertions.Expect(page.Locator("[data-testid=dialer-skip-CalledRecently]")).ToHaveAttributeAsync("data-count", "1");
    }

    [Fact]
    public async Task Two_reps_on_one_list_in_two_browsers_never_see_the_same_lead()
    {
        string listId;
        await using (var db = Db()) listId = (await DialerTestData.CreateListAsync(db, await DialerTestData.CallableLeadsAsync(db, 6))).Id;
        var rep1 = await SignedInAsync("rep1@gpsleaders.test");
        var rep2 = await SignedInAsync("rep2@gpsleaders.test");
        await OpenDialerAsync(rep1, listId);
        var a = await CurrentLeadAsync(rep1);
        await OpenDialerAsync(rep2, listId);
        var b = await CurrentLeadAsync(rep2);
        Assert.NotEqual(a, b);
        await Assertions.Expect(rep2.Locator("[data-testid=dialer-skip-LeasedByAnotherRep]")).ToHaveAttributeAsync("data-count", "1");

        var seen = new List<(string Rep, string Lead)> { ("rep1", a), ("rep2", b) };
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, page) in new[] { ("rep1", rep1), ("rep2", rep2) })
            {
                var before = await CurrentLeadAsync(page);
                await PressAsync(page, "NO_ANSWER", "2");
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(Lead(page)).Not.ToHaveAttributeAsync("data-lead-id", before, new() { Timeout = 15_000 });
                seen.Add((name, await CurrentLeadAsync(page)));
                Assert.NotEqual(await CurrentLeadAsync(rep1), await CurrentLeadAsync(rep2));
            }
        }
        // Every lead shown went to one rep only.
        Assert.All(seen.GroupBy(s => s.Lead), g => Assert.Single(g.Select(s => s.Rep).Distinct()));
    }

    [Fact]
    public async Task Dnc_and_no_phone_leads_are_skipped_with_the_reasons_shown()
    {
        string listId;
        List<string> ids;
        await using (var db = Db())
        {
            ids = await DialerTestData.CallableLeadsAsync(db, 3);
            var leads = await db.Leads.Include(l => l.Contact).Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id);
            leads[ids[0]].IsDnc = true;
            (leads[ids[1]].Contact.Phone, leads[ids[1]].Contact.PhoneE164) = (null, null);
            await db.SaveChangesAsync();
            listId = (await DialerTestData.CreateListAsync(db, ids)).Id;
        }
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenDialerAsync(page, listId);
        await ExpectLeadAsync(page, ids[2]);
        await Assertions.Expect(page.Locator("[data-testid=dialer-skip-Dnc]")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.Locator("[data-testid=dialer-skip-NoPhone]")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.Locator("[data-testid=dialer-skips]")).ToContainTextAsync("Do not contact: 1");
        await Assertions.Expect(page.Locator($"[data-testid=dialer-skipped-lead][data-lead-id='{ids[0]}']")).ToHaveAttributeAsync("data-reason", "Dnc");
        await Assertions.Expect(page.Locator($"[data-testid=dialer-skipped-lead][data-lead-id='{ids[1]}']")).ToHaveAttributeAsync("data-reason", "NoPhone");

        // The last lead skipped by hand: the end of the list.
        await page.Keyboard.PressAsync("s");
        await Assertions.Expect(page.Locator("[data-testid=dialer-end]")).ToBeVisibleAsync();
    }
}
