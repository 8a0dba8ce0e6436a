using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Leads;

/// <summary>The leads list's bulk actions and its rep rule, against a real database.</summary>
public class LeadBulkActionsTests
{
    /// <summary>A lead at the fixture's company, one at a second company, and one with no company at all.</summary>
    static async Task<(WorkFixture F, Lead Acme, Lead Bolt, Lead Loose)> LeadsAsync()
    {
        var f = await WorkFixture.CreateAsync();
        var leads = f.Services.Get<LeadService>();
        string danaId;
        await using (var db = f.Services.Db()) danaId = await db.Contacts.Select(c => c.Id).SingleAsync();
        var acme = await leads.CreateAsync(new LeadInput(ContactId: danaId, CompanyId: f.Company.Id), f.Author.Id);
        var bolt = await leads.CreateAsync(new LeadInput(NewContact: new ContactInput("Bo", "Bolt", "bo@bolt.example"), CompanyName: "Bolt Freight"), f.Author.Id);
        var loose = await leads.CreateAsync(new LeadInput(NewContact: new ContactInput("Lou", "Loose", "lou@loose.example")), f.Author.Id);
        return (f, acme, bolt, loose);
    }

    static LeadViewer Admin(WorkFixture f) => new(f.Author.Id, UserRole.ADMIN);

    [Fact]
    public async Task Assigning_an_owner_assigns_each_leads_company_with_an_activity_and_refuses_a_lead_without_a_company_by_name()
    {
        var (f, acme, bolt, loose) = await LeadsAsync();
        var result = await f.Services.Get<LeadBulkActions>().AssignOwnerAsync([acme.Id, bolt.Id, loose.Id], f.Other.Id, Admin(f));

        Assert.Equal(2, result.Changed);
        var refused = Assert.Single(result.Refused);
        Assert.Contains("Lou Loose", refused);
        await using var db = f.Services.Db();
        Assert.Equal(f.Other.Id, await db.Companies.Where(c => c.Id == acme.CompanyId).Select(c => c.AssignedRepId).SingleAsync());
        Assert.Equal(f.Other.Id, await db.Companies.Where(c => c.Id == bolt.CompanyId).Select(c => c.AssignedRepId).SingleAsync());
        var activities = await db.Activities.Where(a => a.ActivityType == "company.rep_assigned").ToListAsync();
        Assert.Equal(new[] { acme.Id, bolt.Id }.Order(), activities.Select(a => a.LeadId!).Order());
        Assert.All(activities, a => Assert.Equal(f.Author.Id, a.UserId));

        // Again: nothing to change, nothing recorded.
        var again = await f.Services.Get<LeadBulkActions>().AssignOwnerAsync([acme.Id], f.Other.Id, Admin(f));
        Assert.Equal((0, 1), (again.Changed, again.Unchanged));
        Assert.Equal(2, await db.Activities.CountAsync(a => a.ActivityType == "company.rep_assigned"));
    }

    [Fact]
    public async Task Moving_to_lost_needs_a_reason_for_the_whole_selection_and_then_stamps_each_lead_under_the_stage_rules()
    {
        var (f, acme, bolt, _) = await LeadsAsync();
        var bulk = f.Services.Get<LeadBulkActions>();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bulk.MoveStageAsync([acme.Id, bolt.Id], LeadStage.LOST, " ", Admin(f)));
        Assert.True(refused.Errors.ContainsKey("lostReason"));
        await using (var db = f.Services.Db())
            Assert.Equal(0, await db.Leads.CountAsync(l => l.Stage == LeadStage.LOST));

        var result = await bulk.MoveStageAsync([acme.Id, bolt.Id], LeadStage.LOST, "Went with a competitor", Admin(f));
        Assert.Equal(2, result.Changed);
        Assert.Empty(result.Refused);
        await using var check = f.Services.Db();
        var lost = await check.Leads.Where(l => l.Id == acme.Id || l.Id == bolt.Id).ToListAsync();
        Assert.All(lost, l => Assert.Equal((LeadStage.LOST, "Went with a competitor", true), (l.Stage, l.LostReason, l.LostAt is not null)));
        Assert.Equal(2, await check.Activities.CountAsync(a => a.ActivityType == "lead.stage_changed"));
    }

    [Fact]
    public async Task A_rep_lists_and_tags_every_lead_and_a_seat_that_sees_no_leads_is_refused_like_a_missing_one()
    {
        var (f, acme, bolt, _) = await LeadsAsync();
        var tag = await f.Services.Get<TagCatalog>().CreateAsync(new TagInput("fleet-50", "Fleet 50+", TagCategory.CUSTOM), f.Author.Id);
        await f.Services.Get<LeadBulkActions>().AssignOwnerAsync([acme.Id], f.Other.Id, Admin(f));
        var rep = new LeadViewer(f.Other.Id, UserRole.REP);

        var page = await f.Services.Get<LeadQueries>().GridAsync(new LeadGridFilter(), rep, LeadSort.Created, true, 0, 25);
        Assert.Equal(3, page.Total);
        var own = await f.Services.Get<LeadQueries>().GridAsync(new LeadGridFilter { RepId = f.Other.Id }, rep, LeadSort.Created, true, 0, 25);
        Assert.Equal([acme.Id], own.Rows.Select(r => r.Id));
        var agent = new LeadViewer(f.Other.Id, UserRole.AI_AGENT);
        Assert.Equal(0, (await f.Services.Get<LeadQueries>().GridAsync(new LeadGridFilter(), agent, LeadSort.Created, true, 0, 25)).Total);

        var refused = await f.Services.Get<LeadBulkActions>().ApplyTagAsync([acme.Id], tag.Slug, agent);
        Assert.Equal(0, refused.Changed);
        Assert.Contains("not yours", Assert.Single(refused.Refused));
        var result = await f.Services.Get<LeadBulkActions>().ApplyTagAsync([acme.Id, bolt.Id], tag.Slug, rep);
        Assert.Equal(2, result.Changed);
        await using var db = f.Services.Db();
        Assert.Equal(2, await db.LeadTags.CountAsync(t => t.TagSlug == tag.Slug && t.RemovedAt == null));
        Assert.True(await db.Activities.AnyAsync(a => a.ActivityType == "lead.tag_applied" && a.LeadId == bolt.Id && a.UserId == f.Other.Id));

        // The grid's tag filter and the tag column read the same rows.
        var tagged = await f.Services.Get<LeadQueries>().GridAsync(new LeadGridFilter { TagSlug = tag.Slug }, Admin(f), LeadSort.Name, false, 0, 25);
        Assert.Equal(2, tagged.Rows.Count);
        Assert.All(tagged.Rows, r => Assert.Equal(["Fleet 50+"], r.Tags));
    }
}
