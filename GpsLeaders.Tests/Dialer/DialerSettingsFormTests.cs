using System.Security.Claims;
using Bunit;
using GpsLeaders.Blazor.Dialer;
using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Dialer;

/// <summary>The dialer settings form lays the service's refusal on the field it names and saves nothing.</summary>
public sealed class DialerSettingsFormTests : ComponentTest
{
    [Fact]
    public async Task A_bad_start_time_shows_on_the_start_field_only_and_is_not_saved()
    {
        var cs = await TestDatabases.CreateWithDemoDataAsync();
        string admin;
        await using (var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(cs).Options))
            admin = await DialerTestData.UserIdAsync(db, "admin@gpsleaders.test");
        UseDatabase(cs);
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@gpsleaders.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin));

        var form = Render<DialerSettingsAdmin>();
        form.WaitForAssertion(() => Assert.NotEmpty(form.Find("input[data-testid=dialer-settings-start]").GetAttribute("value") ?? ""));
        form.Find("input[data-testid=dialer-settings-start]").Change("25:99");
        await form.InvokeAsync(() => form.Find("[data-testid=dialer-settings-save]").Click());

        form.WaitForAssertion(() =>
        {
            Assert.Equal("true", form.Find("input[data-testid=dialer-settings-start]").GetAttribute("aria-invalid"));
            Assert.Contains("Start must be a time like 08:00.", form.Markup);
        });
        Assert.Equal("false", form.Find("input[data-testid=dialer-settings-end]").GetAttribute("aria-invalid"));
        Assert.Empty(form.FindAll("[data-testid=dialer-settings-error]").Select(e => e.TextContent)); // placed on its field, not listed apart

        await using var check = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(cs).Options);
        Assert.DoesNotContain("25:99", await check.Settings.Select(s => s.Value).ToListAsync());
    }
}
