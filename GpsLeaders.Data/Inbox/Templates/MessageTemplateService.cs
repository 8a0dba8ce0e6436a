using System.Text.RegularExpressions;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Templates;

public sealed record TemplateInput(string? Name, string? Slug, TemplateChannel Channel, TemplateCategory Category, string? Subject, string? Body, bool IsActive = true);

public sealed record TemplateFilter(TemplateChannel? Channel = null, TemplateCategory? Category = null, bool? Active = null);

/// <summary>A canned reply the inbox composer offers.</summary>
public sealed record CannedTemplate(string Id, string Name, string? Subject, string Body);

/// <summary>
/// Email and SMS templates for sequences and canned replies. The slug is fixed once created (sequence definitions name
/// templates by slug); an EMAIL template needs a subject, an SMS one has none; variables must be ones the renderer knows.
/// </summary>
public sealed partial class MessageTemplateService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const string ChangedEvent = "template.changed";
    public const int MaxBody = 10_000;

    public async Task<List<MessageTemplate>> ListAsync(TemplateFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.MessageTemplates.AsNoTracking();
        if (filter.Channel is { } channel) query = query.Where(t => t.Channel == channel);
        if (filter.Category is { } category) query = query.Where(t => t.Category == category);
        if (filter.Active is { } active) query = query.Where(t => t.IsActive == active);
        return await query.OrderBy(t => t.Category).ThenBy(t => t.Channel).ThenBy(t => t.Name).Take(500).ToListAsync(ct);
    }

    public async Task<MessageTemplate?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
    }

    /// <summary>Active CANNED templates of a channel.</summary>
    public Task<List<CannedTemplate>> CannedAsync(TemplateChannel channel, CancellationToken ct = default) => ActiveAsync(channel, cannedOnly: true, ct);

    /// <summary>What the inbox composer offers: every active template of the channel, quick replies (CANNED) first.</summary>
    public Task<List<CannedTemplate>> ForComposerAsync(TemplateChannel channel, CancellationToken ct = default) => ActiveAsync(channel, cannedOnly: false, ct);

    async Task<List<CannedTemplate>> ActiveAsync(TemplateChannel channel, bool cannedOnly, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Channel == channel && t.IsActive && (!cannedOnly || t.Category == TemplateCategory.CANNED))
            .OrderBy(t => t.Category == TemplateCategory.CANNED ? 0 : 1).ThenBy(t => t.Name)
            .Select(t => new CannedTemplate(t.Id, t.Name, t.Subject, t.Body)).ToListAsync(ct);
    }

    public async Task<MessageTemplate> CreateAsync(TemplateInput input, string actingUserId, CancellationToken ct = default)
    {
        var check = Check(input);
        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!SlugFormat().IsMatch(slug) || slug.Length > 80)
            check.Add("slug", "A slug is 1 to 80 lower-case letters, digits and single dashes (e.g. vm-followup-sms).");
        check.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.MessageTemplates.AnyAsync(t => t.Slug == slug, ct))
            throw new ValidationFailedException("slug", $"The slug '{slug}' is already used by another template.");
        var template = new MessageTemplate { Slug = slug, CreatedById = actingUserId, CreatedAt = Now(), UpdatedAt = Now() };
        Assign(template, input);
        db.MessageTemplates.Add(template);
        db.Record("template.created", $"Template '{template.Name}' created.", Snapshot(template), userId: actingUserId);
        await SaveAsync(db, template, ct);
        return template;
    }

    /// <summary>Everything but the slug; <paramref name="version"/> is the xmin the editor read.</summary>
    public async Task<MessageTemplate> EditAsync(string id, uint version, TemplateInput input, string actingUserId, CancellationToken ct = default)
    {
        Check(input).ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var template = await LoadAsync(db, id, version, ct);
        var before = Snapshot(template);
        Assign(template, input);
        var after = Snapshot(template);
        if (before.Equals(after)) return template;
        template.UpdatedAt = Now();
        db.Record("template.updated", $"Template '{template.Name}' updated.", new { template.Slug, before, after }, userId: actingUserId);
        await SaveAsync(db, template, ct);
        return template;
    }

    /// <summary>Deactivated templates stay (sequences and history refer to them) but are offered nowhere.</summary>
    public async Task<MessageTemplate> DeactivateAsync(string id, uint version, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var template = await LoadAsync(db, id, version, ct);
        if (!template.IsActive) return template;
        (template.IsActive, template.UpdatedAt) = (false, Now());
        db.Record("template.deactivated", $"Template '{template.Name}' deactivated.", new { template.Slug }, userId: actingUserId);
        await SaveAsync(db, template, ct);
        return template;
    }

    /// <summary>The preview: the template filled for a lead, with what is missing (then sending would be refused).</summary>
    public async Task<RenderedMessage> PreviewAsync(string? subject, string? body, string leadId, string? actingUserId, string? publicBaseUrl, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var values = await TemplateRendering.ValuesForLeadAsync(db, leadId, actingUserId, publicBaseUrl, ct);
        return TemplateRendering.Render(body ?? "", subject, values);
    }

    static Validation Check(TemplateInput input)
    {
        var check = new Validation().Require("name", input.Name, "Name").Require("body", input.Body, "Body");
        if (input.Name?.Trim().Length > 120) check.Add("name", "A name can be at most 120 characters.");
        if (!Enum.IsDefined(input.Channel)) check.Add("channel", "Choose EMAIL or SMS.");
        if (!Enum.IsDefined(input.Category)) check.Add("category", "Choose SEQUENCE or CANNED.");
        if (input.Channel == TemplateChannel.EMAIL && string.IsNullOrWhiteSpace(input.Subject)) check.Add("subject", "An email template needs a subject.");
        if (input.Channel == TemplateChannel.SMS && !string.IsNullOrWhiteSpace(input.Subject)) check.Add("subject", "An SMS has no subject: leave it empty.");
        if (input.Subject?.Trim().Length > 300) check.Add("subject", "A subject can be at most 300 characters.");
        if (input.Body?.Trim().Length > MaxBody) check.Add("body", $"A body can be at most {MaxBody:N0} characters.");
        // An unknown variable could never be filled: refuse it when the template is saved, not when a customer would get it.
        var unknown = TemplateRendering.Render(input.Body ?? "", input.Subject, new Dictionary<string, string?>()).Unknown;
        if (unknown.Count > 0) check.Add("body", $"Unknown variable{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(v => "{{" + v + "}}"))}.");
        return check;
    }

    static void Assign(MessageTemplate t, TemplateInput input)
    {
        t.Name = input.Name!.Trim();
        t.Channel = input.Channel;
        t.Category = input.Category;
        t.Subject = input.Channel == TemplateChannel.SMS || string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim();
        t.Body = input.Body!.Trim();
        t.IsActive = input.IsActive;
    }

    static object Snapshot(MessageTemplate t) => new TemplateSnapshot(t.Name, t.Slug, t.Channel.ToString(), t.Category.ToString(), t.Subject, t.Body, t.IsActive);

    sealed record TemplateSnapshot(string Name, string Slug, string Channel, string Category, string? Subject, string Body, bool IsActive);

    static async Task<MessageTemplate> LoadAsync(CrmDbContext db, string id, uint version, CancellationToken ct)
    {
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new ValidationFailedException("template", "This template no longer exists.");
        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        return template;
    }

    static async Task SaveAsync(CrmDbContext db, MessageTemplate template, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("template"); }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ValidationFailedException("slug", $"The slug '{template.Slug}' is already used by another template.");
        }
        await db.PublishAsync(new LiveEvent(ChangedEvent, template.Id), ct);
    }

    DateTime Now() => clock.StoredNow();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugFormat();
}
