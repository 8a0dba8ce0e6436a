using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Dialer;

public class CallListServiceTests
{
    static readonly string[] DefaultOrder = ["tx-hot", "ca-new", "ga-never", "fl-old-call", "co-recent-call", "no-phone"];

    [Fact]
    public async Task The_snapshot_orders_by_score_then_oldest_last_call_and_leaves_out_dnc_by_default()
    {
        var w = await DialerWorld.CreateAsync();
        var result = await w.Lists.BuildAsync("Everyone", new CallListFilter(), w.Rep1);
        Assert.Equal(DefaultOrder, w.Names(result.List.LeadIds));
        Assert.False(result.Capped);
        Assert.Equal(6, await w.Lists.PreviewCountAsync(new CallListFilter()));

        await using var db = w.Services.Db();
        var stored = await db.CallLists.SingleAsync();
        Assert.Equal(result.List.LeadIds, stored.LeadIds);
        Assert.Equal(0, stored.Position);
        Assert.True(stored.IsActive);
        Assert.True(CallListFilter.FromJson(stored.FilterCriteria).ExcludeDnc);
        var activity = await db.Activities.SingleAsync(a => a.ActivityType == "call_list.created");
        Assert.Equal(w.Rep1, activity.UserId);
        Assert.Contains(stored.Id, activity.Detail);
    }

    [Fact]
    public async Task Each_filter_narrows_the_list()
    {
        var w = await DialerWorld.CreateAsync();
        async Task<string[]> Match(CallListFilter f)
        {
            var built = await w.Lists.BuildAsync("Filter", f, w.Rep1);
            Assert.Equal(built.List.LeadIds.Count, await w.Lists.PreviewCountAsync(f, w.Rep1));
            return w.Names(built.List.LeadIds);
        }

        Assert.Equal(["tx-hot", "ga-never"], await Match(new() { Stages = [LeadStage.HOT] }));
        Assert.Equal(["tx-hot"], await Match(new() { TagSlugs = ["interested"] }));
        Assert.Empty(await Match(new() { TagSlugs = ["call-back"] })); // removed from its lead: does not count
        Assert.Equal(["ca-new", "fl-old-call"], await Match(new() { Sources = ["plusvibe"] }));
        Assert.Equal(["tx-hot", "no-phone"], await Match(new() { States = ["tx"] }));
        Assert.Equal(["tx-hot"], await Match(new() { TimeZones = ["America/Chicago"] }));          // explicit zone
        Assert.Equal(["ca-new"], await Match(new() { TimeZones = ["America/Los_Angeles"] }));     // from the 415 area code
        Assert.Equal(["ga-never", "fl-old-call"], await Match(new() { TimeZones = ["America/New_York"] }));
        Assert.Equal(["ca-new", "ga-never", "fl-old-call", "co-recent-call"], await Match(new() { MinScore = 60, MaxScore = 100 }));
        Assert.Equal(["no-phone"], await Match(new() { MaxScore = 0 })); // no score row counts as 0
        Assert.Equal(["tx-hot", "ca-new", "ga-never", "fl-old-call", "no-phone"],
            await Match(new() { LastContactedBefore = w.Clock.Now.UtcDateTime.AddDays(-5) }));
        Assert.Equal(DefaultOrder[..5], await Match(new() { HasPhone = true }));
        Assert.Contains("ny-dnc", await Match(new() { ExcludeDnc = false }));
        Assert.Equal(["fl-old-call"], await Match(new() { Sources = ["plusvibe"], Stages = [LeadStage.QUALIFIED] }));
    }

    [Fact]
    public async Task A_saved_companies_view_selects_the_leads_of_its_companies_and_is_kept_with_the_list()
    {
        var w = await DialerWorld.CreateAsync();
        await w.Services.Get<SavedViews>().SaveAsync("companies", w.Rep1, "Towing", new CompanyFilter { Industry = "Towing" });
        var built = await w.Lists.BuildAsync("Towing firms", new CallListFilter { SavedViewName = "towing" }, w.Rep1);
        Assert.Equal(["tx-hot", "ca-new"], w.Names(built.List.LeadIds));
        var stored = CallListFilter.FromJson(built.List.FilterCriteria);
        Assert.Equal("Towing", stored.SavedViewName);
        Assert.Equal("Towing", stored.SavedView?.Industry);

        // Someone else's views are not yours, and an unknown name says so.
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Lists.BuildAsync("X", new CallListFilter { SavedViewName = "Towing" }, w.Rep2));
        Assert.Contains("Towing", error.Errors["savedViewName"]);
    }

    [Fact]
    public async Task Refresh_drops_leads_that_left_appends_new_ones_and_keeps_every_reps_place()
    {
        var w = await DialerWorld.CreateAsync();
        var list = (await w.Lists.BuildAsync("Everyone", new CallListFilter(), w.Rep1)).List;
        // rep1 is about to call ga-never (2), rep2 co-recent-call (4), the admin went through the whole list (6).
        await w.SetPositionsAsync(list.Id, (w.Rep1, 2), (w.Rep2, 4), (w.Admin, 6));
        await using (var db = w.Services.Db())
        {
            await db.CallLists.Where(l => l.Id == list.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Position, 4));
            await db.Leads.Where(l => l.Id == w.Lead["ca-new"] || l.Id == w.Lead["co-recent-call"]).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsDnc, true));
        }
        await w.AddLeadAsync("new-one", LeadStage.NEW_LEAD, "referral", "+15125550099", score: 190);

        var result = await w.Lists.RefreshAsync(list.Id, w.Admin);

        Assert.Equal((1, 2, false), (result.Added, result.Removed, result.Capped));
        Assert.Equal(["tx-hot", "ga-never", "fl-old-call", "no-phone", "new-one"], w.Names(result.List.LeadIds)); // new leads go last, whatever their score
        var positions = await w.PositionsAsync(list.Id);
        Assert.Equal(1, positions[w.Rep1]);  // still ga-never
        Assert.Equal(3, positions[w.Rep2]);  // co-recent-call left: the next one still there, no-phone
        Assert.Equal(4, positions[w.Admin]); // past the end: the first new lead
        await using var check = w.Services.Db();
        var stored = await check.CallLists.SingleAsync(l => l.Id == list.Id);
        Assert.Equal(3, stored.Position);
        Assert.Equal(result.List.LeadIds, stored.LeadIds);
        var activity = await check.Activities.SingleAsync(a => a.ActivityType == "call_list.refreshed");
        Assert.Equal(w.Admin, activity.UserId);
        Assert.Contains("\"positionsMoved\":3", activity.Detail!.Replace(" ", ""));

        // Nothing changed since: a second refresh moves nobody.
        var again = await w.Lists.RefreshAsync(list.Id, w.Admin);
        Assert.Equal((0, 0), (again.Added, again.Removed));
        Assert.Equal(positions, await w.PositionsAsync(list.Id));
    }

    [Fact]
    public async Task Lists_stop_at_five_thousand_leads_and_say_so()
    {
        var w = await DialerWorld.CreateAsync();
        await using (var db = w.Services.Db())
        {
            var contactId = await db.Leads.Where(l => l.Id == w.Lead["tx-hot"]).Select(l => l.ContactId).SingleAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO leads (id, contact_id, stage, source, is_dnc, plusvibe_paused, plusvibe_stopped, created_at, updated_at)
                SELECT gen_random_uuid()::text, {contactId}, 'NEW_LEAD', 'bulk', false, false, false, now(), now() FROM generate_series(1, 5001)
                """);
        }
        var filter = new CallListFilter { Sources = ["bulk"] };
        Assert.Equal(5001, await w.Lists.PreviewCountAsync(filter));
        var built = await w.Lists.BuildAsync("Bulk", filter, w.Rep1);
        Assert.True(built.Capped);
        Assert.Equal(CallListService.MaxLeads, built.List.LeadIds.Count);
        var refreshed = await w.Lists.RefreshAsync(built.List.Id, w.Rep1);
        Assert.Equal((0, 0, true), (refreshed.Added, refreshed.Removed, refreshed.Capped));
        Assert.Equal(built.List.LeadIds, refreshed.List.LeadIds);
    }

    [Fact]
    public async Task Rename_deactivate_and_list_and_bad_input_names_the_field()
    {
        var w = await DialerWorld.CreateAsync();
        var list = (await w.Lists.BuildAsync("Monday", new CallListFilter { Stages = [LeadStage.HOT] }, w.Rep1)).List;
        await w.Lists.RenameAsync(list.Id, "  Monday hot leads ", w.Rep1);
        await w.Lists.SetActiveAsync(list.Id, false, w.Rep1);
        var row = Assert.Single(await w.Lists.ListAsync());
        Assert.Equal(("Monday hot leads", 2, 0, false), (row.Name, row.LeadCount, row.Position, row.IsActive));
        Assert.Empty(await w.Lists.ListAsync(activeOnly: true));

        Assert.True((await Assert.ThrowsAsync<ValidationFailedException>(() => w.Lists.BuildAsync(" ", new CallListFilter(), w.Rep1))).Errors.ContainsKey("name"));
        Assert.True((await Assert.ThrowsAsync<ValidationFailedException>(() => w.Lists.PreviewCountAsync(new CallListFilter { MinScore = 90, MaxScore = 10 })))
            .Errors.ContainsKey("maxScore"));
        await using var db = w.Services.Db();
        Assert.Equal(["call_list.created", "call_list.deactivated", "call_list.renamed"],
            (await db.Activities.Where(a => a.ActivityType.StartsWith("call_list.")).Select(a => a.ActivityType).ToListAsync()).Order());
    }
}
