using GpsLeaders.Data;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Bench;

/// <summary>Real values from the seeded database to vary each run's input (ids, name fragments, phones, emails).</summary>
public sealed record Samples(string[] CompanyIds, string[] NameFragments, string[] Phones, string[] Emails, string[] RepIds)
{
    public static async Task<Samples> LoadAsync(IDbContextFactory<CrmDbContext> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var random = new Random(42);
        var companies = await db.Companies.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).Skip(random.Next(1000)).Take(2000).ToListAsync();
        var contacts = await db.Contacts.Where(c => c.PhoneE164 != null && c.Email != null).OrderBy(c => c.Id)
            .Select(c => new { c.PhoneE164, c.Email }).Take(200).ToListAsync();
        var reps = await db.Users.Where(u => u.Role == GpsLeaders.Data.Users.UserRole.REP).Select(u => u.Id).ToArrayAsync();
        return new Samples(
            companies.OrderBy(_ => random.Next()).Take(200).Select(c => c.Id).ToArray(),
            companies.Select(c => c.Name.Split(' ')[0]).Where(w => w.Length >= 4).Distinct().Take(100).Select(w => w[..4]).ToArray(),
            contacts.Select(c => c.PhoneE164!).ToArray(),
            contacts.Select(c => c.Email!).ToArray(),
            reps);
    }
}
