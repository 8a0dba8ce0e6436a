using GpsLeaders.Data;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tags;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Tags;

public class LeadTaggingTests
{
    /// <summary>The work fixture plus one lead and three tags: a disposition, a custom one and a system disposition.</summary>
    static async Task<(WorkFixture F, string LeadId)> ArrangeAsync()
    {
        var f = await WorkFixture.CreateAsync();
        string leadId;
        await using (var db = f.Services.Db())
        {
            var contactId = await db.Contacts.Where(c => c.CompanyId == f.Company.Id).Select(c => c.Id).FirstAsync();
            var lead = new Lead { CompanyId = f.Company.Id, ContactId = contactId };
            db.Leads.Add(lead);
            db.Tags.Add(new Tag { Slug = "replied", Name = "Replied", Category = TagCategory.DISPOSITION, IsSystem = true, SortOrder = 10 });
            await db.SaveChangesAsync();
            leadId = lead.Id;
        }
        var catalog = f.Services.Get<TagCatalog>();
        await catalog.CreateAsync(new TagInput("interested", "Interested", TagCategory.DISPOSITION, "#16A34A"), f.Author.Id);
        await catalog.CreateAsync(new TagInput("spanish-speaking", "Spanish speaking", TagCategory.CUSTOM, "#c026d3"), f.Author.Id);
        return (f, leadId);
    }

    [Fact]
    public async Task Apply_twice_remove_and_reapply_use_one_row_that_is_revived_with_the_acting_user()
    {
        var (f, leadId) = await ArrangeAsync();
        var tagging = f.Services.Get<LeadTagging>();

        var first = await tagging.ApplyAsync(leadId, "interested", f.Author.Id);
        Assert.Equal(TagChange.Applied, first.Change);
        Assert.Equal(f.Author.Id, first.Row!.AppliedBy);
        var again = await tagging.ApplyAsync(leadId, "interested", f.Other.Id);
        Assert.Equal(TagChange.AlreadyApplied, again.Change);
        Assert.Equal(first.Row.Id, again.Row!.Id);

        f.Clock.Advance(TimeSpan.FromHours(1));
        var removed = await tagging.RemoveAsync(leadId, "interested", f.Other.Id);
        Assert.Equal(TagChange.Removed, removed.Change);
        Assert.Empty(await tagging.ActiveTagsAsync(leadId));
        Assert.Equal(TagChange.NotApplied, (await tagging.RemoveAsync(leadId, "interested", f.Other.Id)).Change);

        f.Clock.Advance(TimeSpan.FromHours(1));
        var revived = await tagging.ApplyAsync(leadId, "interested", f.Other.Id);
        Assert.Equal(TagChange.Revived, revived.Change);
        await using var db = f.Services.Db();
        var row = await db.LeadTags.SingleAsync(t => t.LeadId == leadId && t.TagSlug == "interested");
        Assert.Equal(first.Row.Id, row.Id);
        Assert.Null(row.RemovedAt);
        Assert.Equal(f.Other.Id, row.AppliedBy);
        Assert.Equal(f.Clock.Now.UtcDateTime, row.AppliedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(["Interested"], (await tagging.ActiveTagsAsync(leadId)).Select(t => t.Name));

        var activities = await db.Activities.Where(a => a.LeadId == leadId && a.ActivityType.StartsWith("lead.tag_"))
            .OrderBy(a => a.OccurredAt).Select(a => new { a.ActivityType, a.UserId, a.Detail }).ToListAsync();
        Assert.Equal(["lead.tag_applied", "lead.tag_removed", "lead.tag_applied"], activities.Select(a => a.ActivityType));
        Assert.Matches("\"revived\":\\s*true", activities[2].Detail);
        Assert.Equal(f.Other.Id, activities[1].UserId);
    }

    [Fact]
    public async Task Unknown_and_deactivated_tags_are_refused()
    {
        var (f, leadId) = await ArrangeAsync();
        var tagging = f.Services.Get<LeadTagging>();
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => tagging.ApplyAsync(leadId, "no-such-tag", f.Author.Id));
        Assert.Contains("no-such-tag", unknown.Errors["tag"]);
        await using (var db = f.Services.Db())
        {
            var tag = await db.Tags.SingleAsync(t => t.Slug == "spanish-speaking");
            await f.Services.Get<TagCatalog>().SetActiveAsync(tag.Id, tag.Version, false, f.Author.Id);
        }
        var inactive = await Assert.ThrowsAsync<ValidationFailedException>(() => tagging.ApplyAsync(leadId, "spanish-speaking", f.Author.Id));
        Assert.Contains("deactivated", inactive.Errors["tag"]);
    }

    [Fact]
    public async Task The_hook_runs_for_disposition_tags_only_inside_the_tag_transaction()
    {
        var (f, leadId) = await ArrangeAsync();
        var hook = new RecordingHook();
        var tagging = new LeadTagging(f.Services.Get<IDbContextFactory<CrmDbContext>>(), f.Clock, hook);

        await tagging.ApplyAsync(leadId, "spanish-speaking", f.Author.Id);
        await tagging.RemoveAsync(leadId, "spanish-speaking", f.Author.Id);
        Assert.Empty(hook.Calls);

        await tagging.ApplyAsync(leadId, "interested", f.Author.Id);
        await tagging.ApplyAsync(leadId, "interested", f.Author.Id); // already on: no second call
        await tagging.RemoveAsync(leadId, "interested", f.Author.Id);
        Assert.Equal(["applied interested", "removed interested"], hook.Calls);
        Assert.All(hook.InTransaction, Assert.True);

        // A failing hook rolls the tag change back with it: one transaction.
        hook.Fail = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => tagging.ApplyAsync(leadId, "interested", f.Author.Id));
        await using var db = f.Services.Db();
        Assert.NotNull(await db.LeadTags.Where(t => t.LeadId == leadId && t.TagSlug == "interested").Select(t => t.RemovedAt).SingleAsync());
        var details = await db.Activities.Where(a => a.LeadId == leadId && a.ActivityType.StartsWith("lead.tag_")).Select(a => a.Detail!).ToListAsync();
        Assert.Equal(2, details.Count(d => d.Contains("\"interested\"")));
    }

    [Fact]
    public async Task The_static_variant_joins_the_callers_unit_of_work()
    {
        var (f, leadId) = await ArrangeAsync();
        await using (var db = f.Services.Db())
        {
            var result = await LeadTagging.ApplyAsync(db, new NoDispositionTagHook(), leadId, "interested", f.Author.Id, f.Clock.Now.UtcDateTime);
            Assert.Equal(TagChange.Applied, result.Change);
            await using var other = f.Services.Db();
            Assert.False(await other.LeadTags.AnyAsync(t => t.LeadId == leadId)); // nothing saved until the caller saves
            await db.SaveChangesAsync();
        }
        Assert.Single(await f.Services.Get<LeadTagging>().ActiveTagsAsync(leadId));
    }

    sealed class RecordingHook : IDispositionTagHook
    {
        public List<string> Calls { get; } = [];
        public List<bool> InTransaction { get; } = [];
        public bool Fail { get; set; }

        public Task OnAppliedAsync(CrmDbContext db, Lead lead, Tag tag, string? actingUserId, CancellationToken ct) => Note(db, $"applied {tag.Slug}");

        public Task OnRemovedAsync(CrmDbContext db, Lead lead, Tag tag, string? actingUserId, CancellationToken ct) => Note(db, $"removed {tag.Slug}");

        Task Note(CrmDbContext db, string call)
        {
            if (Fail) throw new InvalidOperationException("sequence start failed");
            Calls.Add(call);
            InTransaction.Add(db.Database.CurrentTransaction is not null);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Tagging_the_leads_of_selected_companies_tags_each_open_lead_once_and_skips_closed_ones()
    {
        var (f, openLead) = await ArrangeAsync();
        string closedLead, otherLead, otherCompany;
        await using (var db = f.Services.Db())
        {
            var contactId = await db.Contacts.Where(c => c.CompanyId == f.Company.Id).Select(c => c.Id).FirstAsync();
            var closed = new Lead { CompanyId = f.Company.Id, ContactId = contactId, Stage = LeadStage.LOST, LostReason = "price", LostAt = DateTime.UtcNow };
            var company = new GpsLeaders.Data.Companies.Company { Name = "Other Hauling", NormalizedName = "other hauling" };
            var other = new Lead { CompanyId = company.Id, ContactId = contactId };
            db.AddRange(closed, company, other);
            await db.SaveChangesAsync();
            (closedLead, otherLead, otherCompany) = (closed.Id, other.Id, company.Id);
        }
        var tagging = f.Services.Get<LeadTagging>();
        await tagging.ApplyAsync(otherLead, "interested", f.Author.Id); // already tagged: left as it is

        var applied = await tagging.ApplyToCompaniesLeadsAsync([f.Company.Id, otherCompany], "interested", f.Author.Id);

        Assert.Equal(1, applied);
        await using (var db = f.Services.Db())
        {
            Assert.True(await db.LeadTags.AnyAsync(t => t.LeadId == openLead && t.TagSlug == "interested" && t.RemovedAt == null && t.AppliedBy == f.Author.Id));
            Assert.False(await db.LeadTags.AnyAsync(t => t.LeadId == closedLead));
            Assert.Equal(1, await db.LeadTags.CountAsync(t => t.LeadId == otherLead));
            Assert.Equal(1, await db.Activities.CountAsync(a => a.LeadId == openLead && a.ActivityType == "lead.tag_applied"));
        }
        Assert.Equal(0, await tagging.ApplyToCompaniesLeadsAsync([f.Company.Id, otherCompany], "interested", f.Author.Id));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => tagging.ApplyToCompaniesLeadsAsync([f.Company.Id], "no-such-tag", f.Author.Id));
        Assert.Contains("tag", unknown.Errors.Keys.First());
        await using (var db = f.Services.Db()) Assert.Equal(1, await db.LeadTags.CountAsync(t => t.LeadId == openLead)); // nothing half-written
    }
}
