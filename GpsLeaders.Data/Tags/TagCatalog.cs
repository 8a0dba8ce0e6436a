using System.Text.RegularExpressions;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Tags;

public sealed record TagInput(string? Slug, string? Name, TagCategory Category, string? Color = null, string? Description = null);

/// <summary>
/// The admin catalog of tags: create, edit, reorder within a category, (de)activate, delete.
/// Slugs never change once created, because lead_tags and sequence definitions refer to tags by slug.
/// </summary>
public sealed partial class TagCatalog(IDbContextFactory<CrmDbContext> dbs)
{
    public const string ChangedEvent = "tag.catalog_changed";

    /// <summary>Every tag, grouped by category, in the order admins set.</summary>
    public async Task<List<Tag>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Tags.AsNoTracking().OrderBy(t => t.Category).ThenBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
    }

    /// <summary>What pickers offer: active tags only.</summary>
    public async Task<List<Tag>> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Tags.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Category).ThenBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
    }

    public async Task<Tag> CreateAsync(TagInput input, string actingUserId, CancellationToken ct = default)
    {
        var check = Check(input);
        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!SlugFormat().IsMatch(slug) || slug.Length > 50)
            check.Add("slug", "A slug is 1 to 50 lower-case letters, digits and single dashes (e.g. call-back).");
        check.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Tags.AnyAsync(t => t.Slug == slug, ct))
            throw new ValidationFailedException("slug", $"The slug '{slug}' is already used by another tag.");
        var last = await db.Tags.Where(t => t.Category == input.Category).MaxAsync(t => (int?)t.SortOrder, ct) ?? 0;
        var tag = new Tag { Slug = slug, SortOrder = last + 10, IsActive = true };
        Assign(tag, input);
        db.Tags.Add(tag);
        db.Record("tag.created", $"Tag '{tag.Name}' created.", new { slug, category = tag.Category.ToString(), color = tag.Color }, userId: actingUserId);
        await SaveAsync(db, ct);
        return tag;
    }

    /// <summary>Name, category, colour and description; <paramref name="version"/> is the xmin the editor read.</summary>
    public async Task<Tag> EditAsync(string id, uint version, TagInput input, string actingUserId, CancellationToken ct = default)
    {
        Check(input).ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tag = await FindAsync(db, id, version, ct);
        var before = new { tag.Name, category = tag.Category.ToString(), tag.Color, tag.Description };
        if (tag.Category != input.Category)
            tag.SortOrder = (await db.Tags.Where(t => t.Category == input.Category).MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10;
        Assign(tag, input);
        var after = new { tag.Name, category = tag.Category.ToString(), tag.Color, tag.Description };
        if (before.Equals(after)) return tag;
        db.Record("tag.edited", $"Tag '{tag.Name}' edited.", new { tag.Slug, before, after }, userId: actingUserId);
        await SaveAsync(db, ct);
        return tag;
    }

    public async Task SetActiveAsync(string id, uint version, bool active, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tag = await FindAsync(db, id, version, ct);
        if (tag.IsActive == active) return;
        tag.IsActive = active;
        db.Record(active ? "tag.activated" : "tag.deactivated", $"Tag '{tag.Name}' {(active ? "reactivated" : "deactivated")}.", new { tag.Slug }, userId: actingUserId);
        await SaveAsync(db, ct);
    }

    /// <summary>Swaps a tag with its neighbour above (-1) or below (+1) in its category; the category is renumbered so ties cannot stall a move.</summary>
    public async Task MoveAsync(string id, int direction, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var category = await db.Tags.Where(t => t.Id == id).Select(t => (TagCategory?)t.Category).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("tag", "This tag no longer exists.");
        var list = await db.Tags.Where(t => t.Category == category).OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
        var at = list.FindIndex(t => t.Id == id);
        var to = at + Math.Sign(direction);
        if (to < 0 || to >= list.Count) return;
        (list[at], list[to]) = (list[to], list[at]);
        for (var i = 0; i < list.Count; i++) list[i].SortOrder = (i + 1) * 10;
        db.Record("tag.moved", $"Tag '{list[to].Name}' moved {(direction < 0 ? "up" : "down")}.", new { list[to].Slug, position = to + 1 }, userId: actingUserId);
        await SaveAsync(db, ct);
    }

    /// <summary>Refused for system tags (the app sets them itself) and for tags with history on leads or a sequence: deactivate those instead.</summary>
    public async Task DeleteAsync(string id, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new ValidationFailedException("tag", "This tag no longer exists.");
        if (tag.IsSystem)
            throw new ValidationFailedException("tag", $"'{tag.Name}' is a system tag the app relies on, so it cannot be deleted.");
        var leads = await db.LeadTags.CountAsync(t => t.TagSlug == tag.Slug, ct);
        if (leads > 0)
            throw new ValidationFailedException("tag", $"'{tag.Name}' has been applied to {leads} lead{(leads == 1 ? "" : "s")}, so deleting it would orphan their history. Deactivate it instead.");
        if (await db.SequenceDefinitions.AnyAsync(s => s.TagSlug == tag.Slug, ct))
            throw new ValidationFailedException("tag", $"'{tag.Name}' triggers a sequence, so it cannot be deleted. Deactivate it instead.");
        db.Tags.Remove(tag);
        db.Record("tag.deleted", $"Tag '{tag.Name}' deleted.", new { tag.Slug, category = tag.Category.ToString() }, userId: actingUserId);
        await SaveAsync(db, ct);
    }

    static Validation Check(TagInput input)
    {
        var check = new Validation().Require("name", input.Name, "Name");
        if (input.Name?.Trim().Length > 60) check.Add("name", "A name can be at most 60 characters.");
        if (!string.IsNullOrWhiteSpace(input.Color) && !ColorFormat().IsMatch(input.Color.Trim()))
            check.Add("color", "Colour must be a hex colour like #16a34a.");
        if (input.Description?.Trim().Length > 300) check.Add("description", "A description can be at most 300 characters.");
        if (!Enum.IsDefined(input.Category)) check.Add("category", "Choose a category.");
        return check;
    }

    static void Assign(Tag tag, TagInput input)
    {
        tag.Name = input.Name!.Trim();
        tag.Category = input.Category;
        tag.Color = string.IsNullOrWhiteSpace(input.Color) ? null : input.Color.Trim().ToLowerInvariant();
        tag.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
    }

    static async Task<Tag> FindAsync(CrmDbContext db, string id, uint version, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new ValidationFailedException("tag", "This tag no longer exists.");
        db.Entry(tag).Property(t => t.Version).OriginalValue = version;
        return tag;
    }

    static async Task SaveAsync(CrmDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("tag"); }
        await db.PublishAsync(new LiveEvent(ChangedEvent), ct);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugFormat();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorFormat();
}
