using GpsLeaders.Data;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Tests.Schema;

/// <summary>The minimum rows the schema tests need: a user, a company, a contact and a lead.</summary>
internal sealed record SchemaTestData(User User, Company Company, Contact Contact, Lead Lead)
{
    public static async Task<SchemaTestData> AddAsync(CrmDbContext db)
    {
        var user = new User { Email = $"{Guid.NewGuid():N}@example.com", PasswordHash = "x", FirstName = "Ada", LastName = "Rep" };
        var company = new Company { Name = "Acme Fleet LLC", NormalizedName = "acme fleet", AssignedRep = user };
        var contact = new Contact { Company = company, FirstName = "Bob", EmailNormalized = $"{Guid.NewGuid():N}@acme.test" };
        var lead = new Lead { Company = company, Contact = contact };
        db.AddRange(user, company, contact, lead);
        await db.SaveChangesAsync();
        return new SchemaTestData(user, company, contact, lead);
    }
}
