using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tags;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Tags;

public class TagCatalogTests
{
    [Fact]
    public async Task Slugs_are_unique_and_well_formed_and_colours_are_hex()
    {
        var f = await WorkFixture.CreateAsync();
        var catalog = f.Services.Get<TagCatalog>();
        var tag = await catalog.CreateAsync(new TagInput(" Call-Back ", " Call back ", TagCategory.DISPOSITION, "#2563EB", "Asked us to call later"), f.Author.Id);
        Assert.Equal(("call-back", "Call back", "#2563eb"), (tag.Slug, tag.Name, tag.Color));

        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => catalog.CreateAsync(new TagInput("call-back", "Again", TagCategory.CUSTOM), f.Author.Id));
        Assert.Contains("already used", duplicate.Errors["slug"]);
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => catalog.CreateAsync(new TagInput("call back!", "", TagCategory.CUSTOM, "blue"), f.Author.Id));
        Assert.Equal(["color", "name", "slug"], bad.Errors.Keys.Order());
        var badEdit = await Assert.ThrowsAsync<ValidationFailedException>(() => catalog.EditAsync(tag.Id, tag.Version, new TagInput(null, "Call back", TagCategory.DISPOSITION, "#12345"), f.Author.Id));
        Assert.Contains("hex", badEdit.Errors["color"]);
    }

    [Fact]
    public async Task Edits_check_the_row_version_and_tags_reorder_within_their_category()
    {
        var f = await WorkFixture.CreateAsync();
        var catalog = f.Services.Get<TagCatalog>();
        var a = await catalog.CreateAsync(new TagInput("a-tag", "A", TagCategory.CUSTOM), f.Author.Id);
        var b = await catalog.CreateAsync(new TagInput("b-tag", "B", TagCategory.CUSTOM), f.Author.Id);
        await catalog.CreateAsync(new TagInput("icp-x", "ICP X", TagCategory.ICP), f.Author.Id);
        await catalog.MoveAsync(b.Id, -1, f.Author.Id);
        Assert.Equal(["ICP X", "B", "A"], (await catalog.AllAsync()).Select(t => t.Name));

        uint stale;
        await using (var db = f.Services.Db()) stale = (await db.Tags.SingleAsync(t => t.Id == a.Id)).Version;
        await catalog.EditAsync(a.Id, stale, new TagInput(null, "A renamed", TagCategory.CUSTOM, "#000000", "first"), f.Author.Id);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => catalog.EditAsync(a.Id, stale, new TagInput(null, "A again", TagCategory.CUSTOM), f.Author.Id));
        await using (var db = f.Services.Db())
        {
            var current = await db.Tags.SingleAsync(t => t.Id == a.Id);
            Assert.Equal(("a-tag", "A renamed", "first"), (current.Slug, current.Name, current.Description));
            await catalog.SetActiveAsync(a.Id, current.Version, false, f.Author.Id);
        }
        Assert.DoesNotContain("A renamed", (await catalog.ActiveAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Delete_is_refused_for_system_tags_and_tags_in_use_and_works_for_unused_ones()
    {
        var f = await WorkFixture.CreateAsync();
        var catalog = f.Services.Get<TagCatalog>();
        string systemId, leadId;
        await using (var db = f.Services.Db())
        {
            var system = new Tag { Slug = "dnc", Name = "Do not contact", Category = TagCategory.DISPOSITION, IsSystem = true };
            var lead = new Lead { CompanyId = f.Company.Id, ContactId = await db.Contacts.Select(c => c.Id).FirstAsync() };
            db.AddRange(system, lead);
            await db.SaveChangesAsync();
            (systemId, leadId) = (system.Id, lead.Id);
        }
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => catalog.DeleteAsync(systemId, f.Author.Id));
        Assert.Contains("system tag", refused.Errors["tag"]);

        var used = await catalog.CreateAsync(new TagInput("used", "Used", TagCategory.CUSTOM), f.Author.Id);
        await f.Services.Get<LeadTagging>().ApplyAsync(leadId, "used", f.Author.Id);
        await f.Services.Get<LeadTagging>().RemoveAsync(leadId, "used", f.Author.Id);
        var inUse = await Assert.ThrowsAsync<ValidationFailedException>(() => catalog.DeleteAsync(used.Id, f.Author.Id));
        Assert.Contains("applied to 1 lead", inUse.Errors["tag"]);

        var unused = await catalog.CreateAsync(new TagInput("unused", "Unused", TagCategory.CUSTOM), f.Author.Id);
        await catalog.DeleteAsync(unused.Id, f.Author.Id);
        await using (var db = f.Services.Db())
        {
            Assert.False(await db.Tags.AnyAsync(t => t.Slug == "unused"));
            Assert.True(await db.Activities.AnyAsync(a => a.ActivityType == "tag.deleted"));
        }
    }
}
