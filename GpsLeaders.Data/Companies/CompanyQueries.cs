using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Companies;

/// <summary>A company's page header: the company, its rep's name and the counts its tabs show.</summary>
public sealed record CompanyPage(Company Company, string? RepName, int Contacts, int Leads);

public sealed record CompanyLeadRow(string Id, string Contact, LeadStage Stage, string? Source, decimal? EstimatedRevenue, DateTime CreatedAt, bool IsDnc);

/// <summary>Reads for a company's page and its tabs (the grid has <see cref="CompanyGrid"/>).</summary>
public sealed class CompanyQueries(IDbContextFactory<CrmDbContext> dbs)
{
    /// <summary>The header and tab counts in one round trip; null when the company is gone (deleted or merged away).</summary>
    public async Task<CompanyPage?> PageAsync(string companyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Companies.AsNoTracking().Where(x => x.Id == companyId)
            .Select(x => new CompanyPage(x, x.AssignedRep == null ? null : x.AssignedRep.FirstName + " " + x.AssignedRep.LastName,
                x.Contacts.Count(), x.Leads.Count()))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<List<CompanyLeadRow>> LeadsAsync(string companyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Leads.AsNoTracking().Where(l => l.CompanyId == companyId).OrderByDescending(l => l.CreatedAt).Take(100)
            .Select(l => new CompanyLeadRow(l.Id, ContactRules.DisplayName(l.Contact.FullName, l.Contact.Email, l.Contact.Phone), l.Stage, l.Source,
                l.EstimatedRevenue, l.CreatedAt, l.IsDnc))
            .ToListAsync(ct);
    }

    public async Task<List<CompanyAddress>> AddressesAsync(string companyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.CompanyAddresses.AsNoTracking().Where(a => a.CompanyId == companyId).OrderBy(a => a.Label).ToListAsync(ct);
    }
}
