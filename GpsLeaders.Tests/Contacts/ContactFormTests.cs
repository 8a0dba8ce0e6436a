using System.Security.Claims;
using Bunit;
using GpsLeaders.Blazor.Contacts;
using GpsLeaders.Data;
using GpsLeaders.Data.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Contacts;

/// <summary>The contact form on a real database: the service's refusal shows on the field it names, and nothing is written.</summary>
public sealed class ContactFormTests : ComponentTest
{
    async Task<(string CompanyId, string UserId)> SignedInOnDemoDataAsync()
    {
        UseDatabase(await TestDatabases.CreateWithDemoDataAsync());
        var auth = AddAuthorization(); // every service is registered before the first is read
        RenderPopovers();
        await using var db = await Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var user = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test").Select(u => u.Id).SingleAsync();
        var company = await db.Companies.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        auth.SetAuthorized("rep1@gpsleaders.test").SetClaims(new Claim(ClaimTypes.NameIdentifier, user));
        return (company, user);
    }

    async Task<int> ContactsOfAsync(string companyId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Contacts.CountAsync(c => c.CompanyId == companyId);
    }

    [Fact]
    public async Task A_malformed_email_is_refused_on_the_email_field_and_nothing_is_written()
    {
        var (companyId, _) = await SignedInOnDemoDataAsync();
        var before = await ContactsOfAsync(companyId);
        Contact? saved = null;
        var form = Render<ContactForm>(p => p.Add(f => f.CompanyId, companyId).Add(f => f.OnSaved, c => saved = c));

        form.Find("input[data-testid=contact-first]").Change("Dale");
        form.Find("input[data-testid=contact-email]").Change("dale at lonestar");
        await form.InvokeAsync(() => form.Find("button[data-testid=contact-save]").Click());

        form.WaitForAssertion(() =>
        {
            // The message sits in the email field's own helper line, and the form lists it nowhere else.
            var emailField = form.Find("input[data-testid=contact-email]").Closest(".mud-input-control")!;
            Assert.Contains("'dale at lonestar' is not a valid email address.", emailField.TextContent);
            Assert.Empty(form.FindAll("[data-testid=contact-form-error]").Select(e => e.TextContent.Trim()));
        });
        Assert.DoesNotContain("not a valid email", form.Find("input[data-testid=contact-first]").Closest(".mud-input-control")!.TextContent);
        Assert.Null(saved);
        Assert.Equal(before, await ContactsOfAsync(companyId));
    }

    [Fact]
    public async Task A_contact_with_nothing_to_reach_them_by_is_refused_on_the_first_name_and_a_corrected_one_is_saved()
    {
        var (companyId, _) = await SignedInOnDemoDataAsync();
        var before = await ContactsOfAsync(companyId);
        Contact? saved = null;
        var form = Render<ContactForm>(p => p.Add(f => f.CompanyId, companyId).Add(f => f.OnSaved, c => saved = c));

        await form.InvokeAsync(() => form.Find("button[data-testid=contact-save]").Click());
        form.WaitForAssertion(() => Assert.Contains("A contact needs a name, an email or a phone number.",
            form.Find("input[data-testid=contact-first]").Closest(".mud-input-control")!.TextContent));
        Assert.Equal(before, await ContactsOfAsync(companyId));

        form.Find("input[data-testid=contact-first]").Change("Dale");
        form.Find("input[data-testid=contact-phone]").Change("(512) 555-2368");
        await form.InvokeAsync(() => form.Find("button[data-testid=contact-save]").Click());
        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal("+15125552368", saved!.PhoneE164);
        Assert.Equal(before + 1, await ContactsOfAsync(companyId));
        Assert.DoesNotContain("A contact needs", form.Markup);
    }
}
