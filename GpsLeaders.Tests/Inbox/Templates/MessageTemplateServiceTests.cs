using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Templates;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Inbox.Templates;

public class MessageTemplateServiceTests : IAsyncLifetime
{
    Services _services = default!;
    MessageTemplateService _templates = default!;
    User _admin = default!;

    public async Task InitializeAsync()
    {
        _services = new Services(await TestDatabases.CreateMigratedAsync());
        _templates = _services.Get<MessageTemplateService>();
        _admin = await _services.Get<UserAccounts>().CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    static TemplateInput Sms(string slug, string body = "Hi {{contact.firstName}}") =>
        new("Quick hello", slug, TemplateChannel.SMS, TemplateCategory.CANNED, null, body);

    [Fact]
    public async Task A_slug_is_unique_well_formed_and_fixed_after_creation()
    {
        var created = await _templates.CreateAsync(Sms("Quick-Hello"), _admin.Id);
        Assert.Equal("quick-hello", created.Slug);
        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() => _templates.CreateAsync(Sms("quick-hello"), _admin.Id));
        Assert.Contains("already used", taken.Errors["slug"]);
        var malformed = await Assert.ThrowsAsync<ValidationFailedException>(() => _templates.CreateAsync(Sms("quick hello!"), _admin.Id));
        Assert.True(malformed.Errors.ContainsKey("slug"));

        // An edit cannot rename the slug, and a stale version is told.
        var edited = await _templates.EditAsync(created.Id, created.Version, Sms("renamed-slug", "Hello {{contact.firstName}}!"), _admin.Id);
        Assert.Equal("quick-hello", edited.Slug);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _templates.EditAsync(created.Id, created.Version, Sms("x", "Again"), _admin.Id));

        await using var db = _services.Db();
        Assert.Equal(["template.created", "template.updated"], await db.Activities.Where(a => a.ActivityType.StartsWith("template.")).OrderBy(a => a.Id).Select(a => a.ActivityType).ToArrayAsync());
    }

    [Fact]
    public async Task Email_needs_a_subject_sms_has_none_and_unknown_variables_are_refused()
    {
        var noSubject = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _templates.CreateAsync(new TemplateInput("Intro", "intro", TemplateChannel.EMAIL, TemplateCategory.CANNED, "  ", "Hello"), _admin.Id));
        Assert.Contains("subject", noSubject.Errors["subject"]);
        var smsSubject = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _templates.CreateAsync(new TemplateInput("Hey", "hey", TemplateChannel.SMS, TemplateCategory.CANNED, "Subject", "Hello"), _admin.Id));
        Assert.Contains("no subject", smsSubject.Errors["subject"]);
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => _templates.CreateAsync(Sms("odd", "Hi {{contact.nickname}}"), _admin.Id));
        Assert.Contains("{{contact.nickname}}", unknown.Errors["body"]);

        var email = await _templates.CreateAsync(new TemplateInput("Intro", "intro", TemplateChannel.EMAIL, TemplateCategory.CANNED, "Hi {{company.name}}", "Hello"), _admin.Id);
        Assert.Equal("Hi {{company.name}}", email.Subject);
    }

    [Fact]
    public async Task Canned_lists_only_active_canned_templates_of_the_channel_and_deactivation_is_recorded()
    {
        var canned = await _templates.CreateAsync(Sms("pricing", "Trackers are $79."), _admin.Id);
        await _templates.CreateAsync(Sms("gone", "Old text") with { Name = "Gone" }, _admin.Id);
        await _templates.CreateAsync(new TemplateInput("Seq", "seq-sms", TemplateChannel.SMS, TemplateCategory.SEQUENCE, null, "Step one"), _admin.Id);
        var gone = (await _templates.ListAsync(new TemplateFilter())).Single(t => t.Slug == "gone");
        await _templates.DeactivateAsync(gone.Id, gone.Version, _admin.Id);

        var offered = await _templates.CannedAsync(TemplateChannel.SMS);
        Assert.Equal([canned.Id], offered.Select(t => t.Id).ToArray());
        Assert.Empty(await _templates.CannedAsync(TemplateChannel.EMAIL));
        Assert.Equal(["gone"], (await _templates.ListAsync(new TemplateFilter(Active: false))).Select(t => t.Slug).ToArray());
        Assert.Equal(["seq-sms"], (await _templates.ListAsync(new TemplateFilter(TemplateChannel.SMS, TemplateCategory.SEQUENCE))).Select(t => t.Slug).ToArray());
        await using var db = _services.Db();
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "template.deactivated"));
    }

    [Fact]
    public async Task The_preview_fills_a_leads_values_and_refuses_a_missing_one()
    {
        var company = await _services.Get<CompanyService>().CreateAsync(new CompanyInput("Acme Towing LLC"), _admin.Id);
        var contact = await _services.Get<ContactService>().CreateAsync(new ContactInput("Dana", "Diaz", "dana@acme.com", CompanyId: company.Id), _admin.Id);
        await using var db = _services.Db();
        var lead = new Lead { ContactId = contact.Id, CompanyId = company.Id };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();

        var filled = await _templates.PreviewAsync(null, "Hi {{contact.firstName}}, about {{company.name}}", lead.Id, _admin.Id, "https://crm.example.com");
        Assert.True(filled.CanSend);
        Assert.Equal("Hi Dana, about Acme Towing LLC", filled.Text);

        var missing = await _templates.PreviewAsync(null, "See {{company.website}}", lead.Id, _admin.Id, null);
        Assert.False(missing.CanSend);
        Assert.Equal(["company.website"], missing.Missing);
        Assert.Contains("{{company.website}}", missing.Text); // never a blank
    }
}
