using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Sequences;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Leads;

public class LeadServiceTests
{
    [Fact]
    public async Task A_new_lead_matches_its_company_by_normalised_name_and_creates_its_contact_inline()
    {
        var f = await WorkFixture.CreateAsync();
        var lead = await f.Services.Get<LeadService>().CreateAsync(
            new LeadInput(NewContact: new ContactInput("Sam", "Stone", "sam@acme.example", "(214) 555-2368"), CompanyName: "ACME towing, inc.", EstimatedRevenue: 1200m), f.Author.Id);
        await using var db = f.Services.Db();
        Assert.Equal(f.Company.Id, lead.CompanyId);
        Assert.Equal(1, await db.Companies.CountAsync());
        var contact = await db.Contacts.SingleAsync(c => c.Id == lead.ContactId);
        Assert.Equal(f.Company.Id, contact.CompanyId);
        Assert.Equal("America/Chicago", contact.Timezone);
        Assert.True(await db.Activities.AnyAsync(a => a.LeadId == lead.Id && a.ActivityType == "lead.created"));

        var other = await f.Services.Get<LeadService>().CreateAsync(new LeadInput(NewContact: new ContactInput("Kim", null, "kim@new.example"), CompanyName: "Brand New Haulers"), f.Author.Id);
        Assert.Equal("brand new haulers", (await db.Companies.SingleAsync(c => c.Id == other.CompanyId)).NormalizedName);
    }

    [Fact]
    public async Task A_lead_needs_a_contact_and_sane_deal_numbers()
    {
        var f = await WorkFixture.CreateAsync();
        var leads = f.Services.Get<LeadService>();
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => leads.CreateAsync(new LeadInput(CompanyId: f.Company.Id, EstimatedRevenue: -5m), f.Author.Id));
        Assert.True(ex.Errors.ContainsKey("contactId"));
        Assert.True(ex.Errors.ContainsKey("estimatedRevenue"));
        await using var db = f.Services.Db();
        Assert.Equal(0, await db.Leads.CountAsync());
    }

    [Fact]
    public async Task Stage_rules_stamp_won_and_lost_require_a_reason_clear_on_leaving_and_end_sequences()
    {
        var f = await WorkFixture.CreateAsync();
        var leads = f.Services.Get<LeadService>();
        string contactId;
        await using (var db = f.Services.Db()) contactId = await db.Contacts.Select(c => c.Id).SingleAsync();
        var lead = await leads.CreateAsync(new LeadInput(ContactId: contactId, CompanyId: f.Company.Id), f.Author.Id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => leads.ChangeStageAsync(lead.Id, LeadStage.LOST, "  ", f.Author.Id));
        Assert.True(refused.Errors.ContainsKey("lostReason"));

        var won = await leads.ChangeStageAsync(lead.Id, LeadStage.WON, null, f.Author.Id);
        Assert.NotNull(won.WonAt);
        var lost = await leads.ChangeStageAsync(lead.Id, LeadStage.LOST, "Budget cut", f.Author.Id);
        Assert.Null(lost.WonAt);
        Assert.NotNull(lost.LostAt);
        Assert.Equal("Budget cut", lost.LostReason);
        var back = await leads.ChangeStageAsync(lead.Id, LeadStage.QUALIFIED, null, f.Author.Id);
        Assert.Null(back.LostAt);
        Assert.Null(back.LostReason);

        await using (var db = f.Services.Db())
        {
            var definition = new SequenceDefinition { TagSlug = "no-answer", Name = "No answer follow-up", Steps = "[]", IsActive = true };
            db.SequenceDefinitions.Add(definition);
            db.SequenceRuns.Add(new SequenceRun { LeadId = lead.Id, SequenceDefId = definition.Id, TagSlug = "no-answer", NextStepAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await leads.ChangeStageAsync(lead.Id, LeadStage.BOGUS, null, f.Author.Id);
        await using (var db = f.Services.Db())
        {
            var run = await db.SequenceRuns.SingleAsync();
            Assert.Equal(SequenceStatus.CANCELED, run.Status);
            Assert.Null(run.NextStepAt);
            Assert.Equal(4, await db.Activities.CountAsync(a => a.LeadId == lead.Id && a.ActivityType == "lead.stage_changed"));
            Assert.True(await db.Activities.AnyAsync(a => a.LeadId == lead.Id && a.ActivityType == "sequence.canceled"));
        }
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => leads.ChangeStageAsync(lead.Id, LeadStage.HOT, null, f.Author.Id, lead.Version));
        Assert.Contains("lead", stale.Message);
    }

    [Fact]
    public async Task The_board_counts_and_sums_each_stage_and_marks_leads_without_recent_activity_as_rotting()
    {
        var f = await WorkFixture.CreateAsync();
        var leads = f.Services.Get<LeadService>();
        var a = await leads.CreateAsync(new LeadInput(NewContact: new ContactInput("A", "One", "a@x.example"), CompanyId: f.Company.Id, EstimatedRevenue: 100m, Stage: LeadStage.HOT), f.Author.Id);
        await leads.CreateAsync(new LeadInput(NewContact: new ContactInput("B", "Two", "b@x.example"), CompanyId: f.Company.Id, EstimatedRevenue: 250.5m, Stage: LeadStage.HOT), f.Author.Id);
        await using var db = f.Services.Db();
        var now = f.Clock.GetUtcNow().UtcDateTime; // rows are stamped by the app's clock
        var fresh = await PipelineBoard.LoadAsync(db, new LeadFilter(), now);
        var hot = fresh.Single(c => c.Stage == LeadStage.HOT);
        Assert.Equal(2, hot.Count);
        Assert.Equal(350.5m, hot.EstimatedRevenue);
        Assert.All(hot.Cards, c => Assert.False(c.Rotting));

        var later = await PipelineBoard.LoadAsync(db, new LeadFilter(), now.AddDays(3));
        Assert.All(later.Single(c => c.Stage == LeadStage.HOT).Cards, c => Assert.True(c.Rotting));
        f.Clock.Advance(TimeSpan.FromDays(2));
        await f.Services.Get<GpsLeaders.Data.Notes.NoteService>().AddAsync(f.Company.Id, a.Id, f.Author.Id, "Called, wants a quote");
        var afterNote = await PipelineBoard.LoadAsync(db, new LeadFilter(), now.AddDays(3)); // rotting at this time without the note
        Assert.False(afterNote.Single(c => c.Stage == LeadStage.HOT).Cards.Single(c => c.Id == a.Id).Rotting);
    }

    [Fact]
    public async Task The_company_grid_filters_sorts_and_pages_on_the_server()
    {
        var f = await WorkFixture.CreateAsync();
        var companies = f.Services.Get<CompanyService>();
        for (var i = 1; i <= 30; i++)
            await companies.CreateAsync(new CompanyInput($"Fleet {i:D2} Trucking", FleetSize: i, Status: i % 2 == 0 ? CompanyStatus.CUSTOMER : CompanyStatus.LEAD), f.Author.Id);
        await using var db = f.Services.Db();
        var page = await CompanyGrid.PageAsync(db, new CompanyFilter { Statuses = [CompanyStatus.CUSTOMER], MinFleetSize = 10 }, CompanySort.FleetSize, true, 0, 5);
        Assert.Equal(11, page.Total);
        Assert.Equal([30, 28, 26, 24, 22], page.Rows.Select(r => r.FleetSize!.Value));
        var search = await CompanyGrid.PageAsync(db, new CompanyFilter { Search = "fleet 07" }, CompanySort.Name, false, 0, 25);
        Assert.Equal("Fleet 07 Trucking", Assert.Single(search.Rows).Name);
        var byPhone = await CompanyGrid.PageAsync(db, new CompanyFilter { Search = "555-2368" }, CompanySort.Name, false, 0, 25);
        Assert.Equal(f.Company.Id, Assert.Single(byPhone.Rows).Id);

        var changed = await companies.AssignRepAsync(page.Rows.Select(r => r.Id).ToList(), f.Other.Id, f.Author.Id);
        Assert.Equal(5, changed);
        Assert.Equal(5, await db.Companies.CountAsync(c => c.AssignedRepId == f.Other.Id));
        Assert.Equal(5, await db.Activities.CountAsync(a => a.ActivityType == "company.rep_assigned"));
    }
}
