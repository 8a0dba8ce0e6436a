using System.Security.Claims;
using Bunit;
using GpsLeaders.Blazor.Inbox;
using GpsLeaders.Data;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Templates;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GpsLeaders.Tests.Inbox;

/// <summary>The inbox composer on a demo database: the SMS counter (GSM-7 160 / 153, Unicode 70 / 67) and the variable check
/// that tells, on the body field, which variable a lead has no value for.</summary>
public sealed class ComposerTests : ComponentTest
{
    // Each re-render waits on a database read (the template preview), slower than bUnit's default wait on a busy machine.
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    string _leadId = "", _adminId = "";

    async Task<IRenderedComponent<Composer>> RenderSmsComposerAsync()
    {
        UseDatabase(await TestDatabases.CreateWithDemoDataAsync());
        var auth = AddAuthorization(); // every service is registered before the first is asked for
        await using (var db = await Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            _adminId = await db.Users.Where(u => u.Role == UserRole.ADMIN).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            _leadId = await db.Leads.Where(l => l.Company != null && l.Contact.FirstName != null && !l.Invoices.Any())
                .OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        }
        auth.SetAuthorized("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, _adminId));
        RenderPopovers();
        return Render<Composer>(p => p
            .Add(c => c.ConversationId, "not-sent-in-this-test")
            .Add(c => c.LeadId, _leadId)
            .Add(c => c.Channel, ConversationChannel.SMS));
    }

    static void Type(IRenderedComponent<Composer> composer, string text) =>
        composer.Find("textarea[data-testid=composer-body]").Input(text);

    static string Counter(IRenderedComponent<Composer> composer) => composer.Find("[data-testid=composer-counter]").TextContent.Trim();

    [Fact]
    public async Task The_counter_shows_gsm7_and_unicode_segments_as_the_text_grows()
    {
        var composer = await RenderSmsComposerAsync();

        Type(composer, new string('a', 160));
        composer.WaitForAssertion(() => Assert.Equal("160 characters · 1 segment", Counter(composer)), Wait);
        Type(composer, new string('a', 161));
        composer.WaitForAssertion(() => Assert.Equal("161 characters · 2 segments", Counter(composer)), Wait);
        Type(composer, new string('a', 307)); // 2 × 153 + 1
        composer.WaitForAssertion(() => Assert.Equal("307 characters · 3 segments", Counter(composer)), Wait);

        // One character outside GSM-7 makes the whole text UCS-2: 70 per single segment, 67 per part after.
        Type(composer, new string('ж', 70));
        composer.WaitForAssertion(() => Assert.Equal("70 characters · 1 segment (Unicode)", Counter(composer)), Wait);
        Type(composer, new string('a', 70) + "✓");
        composer.WaitForAssertion(() => Assert.Equal("71 characters · 2 segments (Unicode)", Counter(composer)), Wait);
    }

    [Fact]
    public async Task A_template_with_a_variable_the_lead_has_no_value_for_is_flagged_on_the_body_field()
    {
        var composer = await RenderSmsComposerAsync();
        var templates = Services.GetRequiredService<MessageTemplateService>();
        var template = await templates.CreateAsync(new TemplateInput("Invoice nudge", "invoice-nudge-test", TemplateChannel.SMS, TemplateCategory.CANNED,
            null, "Hi {{contact.firstName}}, invoice {{invoice.number}} is due.", true), _adminId);
        // The composer reads its templates when it opens: open a fresh one that offers the new template.
        composer = Render<Composer>(p => p
            .Add(c => c.ConversationId, "not-sent-in-this-test")
            .Add(c => c.LeadId, _leadId)
            .Add(c => c.Channel, ConversationChannel.SMS));

        var picker = composer.FindComponent<MudSelect<string>>();
        // The fresh composer reads its templates asynchronously; the picker is enabled once they are in.
        composer.WaitForAssertion(() => Assert.False(picker.Instance.Disabled), Wait);
        await composer.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(template.Id));

        composer.WaitForAssertion(() =>
        {
            var body = composer.Find("textarea[data-testid=composer-body]");
            Assert.Equal("true", body.GetAttribute("aria-invalid"));
            var describedBy = body.GetAttribute("aria-describedby");
            Assert.Contains("composer-body-error", describedBy ?? "");
            Assert.Contains("No value for {{invoice.number}}", composer.Find("#composer-body-error").TextContent);
        }, Wait);
        Assert.Contains("Will send: Hi ", composer.Find("[data-testid=composer-preview]").TextContent);

        // A variable the CRM does not know is named too; a text whose variables all have values is clean.
        Type(composer, "Hi {{contact.nickname}}");
        composer.WaitForAssertion(() => Assert.Contains("Unknown variable: {{contact.nickname}}", composer.Find("#composer-body-error").TextContent), Wait);
        Type(composer, "Hi {{contact.firstName}}");
        composer.WaitForAssertion(() => Assert.Empty(composer.FindAll("#composer-body-error")), Wait);
    }
}
