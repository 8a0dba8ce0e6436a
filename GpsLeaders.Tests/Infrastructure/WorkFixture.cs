using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>A fresh database with two staff users and one company (with a contact and no leads yet).</summary>
internal sealed record WorkFixture(Services Services, ManualClock Clock, User Author, User Other, Company Company)
{
    public static async Task<WorkFixture> CreateAsync()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var services = new Services(await TestDatabases.CreateMigratedAsync(), clock);
        var accounts = services.Get<UserAccounts>();
        var author = await accounts.CreateAdminAsync("author@example.com", "Ada", "Author", "Long-enough-1");
        var other = await accounts.CreateAdminAsync("other@example.com", "Otto", "Other", "Long-enough-2");
        await using (var db = services.Db())
        {
            var rep = db.Users.Single(u => u.Id == other.Id);
            rep.Role = UserRole.REP; // a rep: not allowed to edit another author's note
            await db.SaveChangesAsync();
        }
        var company = await services.Get<CompanyService>().CreateAsync(new CompanyInput("Acme Towing LLC", Phone: "(512) 555-2368"), author.Id);
        await services.Get<ContactService>().CreateAsync(new ContactInput("Dana", "Diaz", "Dana@AcmeTowing.com", "512-867-5309", CompanyId: company.Id), author.Id);
        return new WorkFixture(services, clock, author, other, company);
    }
}
