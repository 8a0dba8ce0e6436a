using GpsLeaders.Data;
using GpsLeaders.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Search;

public class GlobalSearchTests
{
    [Theory]
    [InlineData("(512) 867-5309")]
    [InlineData("+1 512 867 5309")]
    [InlineData("5128675309")]
    [InlineData("867-5309")]
    public async Task A_contact_is_found_by_phone_however_it_is_typed(string query)
    {
        var f = await WorkFixture.CreateAsync();
        var hits = await GlobalSearch.FindAsync(Dbs(f), query, 5);
        Assert.Contains(hits, h => h.Kind == "Contact" && h.Title == "Dana Diaz");
    }

    [Theory]
    [InlineData("dana@acmetowing.com", "Contact", "Dana Diaz")]
    [InlineData("acme", "Company", "Acme Towing LLC")]
    [InlineData("DIAZ", "Contact", "Dana Diaz")]
    [InlineData("555-2368", "Company", "Acme Towing LLC")]
    public async Task Companies_and_contacts_are_found_by_name_email_and_phone(string query, string kind, string title)
    {
        var f = await WorkFixture.CreateAsync();
        var hits = await GlobalSearch.FindAsync(Dbs(f), query, 5);
        Assert.Contains(hits, h => h.Kind == kind && h.Title == title);
    }

    [Fact]
    public async Task Text_that_matches_nothing_finds_nothing()
    {
        var f = await WorkFixture.CreateAsync();
        Assert.Empty(await GlobalSearch.FindAsync(Dbs(f), "zzz-no-such", 5));
        Assert.Empty(await GlobalSearch.FindAsync(Dbs(f), "%", 5));
    }

    static IDbContextFactory<CrmDbContext> Dbs(WorkFixture f) => f.Services.Get<IDbContextFactory<CrmDbContext>>();
}
