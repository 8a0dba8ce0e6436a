using GpsLeaders.Data.Contacts;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Leads;

/// <summary>A contact of a company offered when a lead is created from that company.</summary>
public sealed record ContactChoice(string Id, string Name);

/// <summary>The company a new lead is started from, with the contacts it already has.</summary>
public sealed record NewLeadCompany(string Id, string Name, IReadOnlyList<ContactChoice> Contacts);

/// <summary>Average scores and lead count of one deal-risk band (Settings → Lead score).</summary>
public sealed record RiskBand(DealRisk Risk, int Leads, int Quality, int Engagement);

/// <summary>The reads the lead screens show: the board, one lead with its people, a company to start a lead from.</summary>
public sealed class LeadQueries(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public async Task<List<PipelineColumn>> BoardAsync(LeadFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await PipelineBoard.LoadAsync(db, filter, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>A page of the leads list, within what the viewer may see.</summary>
    public async Task<LeadGridPage> GridAsync(LeadGridFilter filter, LeadViewer viewer, LeadSort sort, bool descending, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await LeadGrid.PageAsync(db, filter, viewer, sort, descending, skip, take, ct);
    }

    /// <summary>The lead with its contact and company (and the company's rep, the lead's owner), untracked; null when there is no such lead.</summary>
    public async Task<Lead?> DetailAsync(string leadId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Leads.AsNoTracking().Include(l => l.Contact).Include(l => l.Company).ThenInclude(c => c!.AssignedRep)
            .FirstOrDefaultAsync(l => l.Id == leadId, ct);
    }

    public async Task<NewLeadCompany?> CompanyForNewLeadAsync(string companyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var company = await db.Companies.Where(c => c.Id == companyId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (company is null) return null;
        var contacts = await db.Contacts.Where(c => c.CompanyId == company.Id).OrderBy(c => c.FullName)
            .Select(c => new ContactChoice(c.Id, ContactRules.DisplayName(c.FullName, c.Email, c.Phone))).ToListAsync(ct);
        return new NewLeadCompany(company.Id, company.Name, contacts);
    }

    /// <summary>Every risk band in order, with zeros for bands no lead is in.</summary>
    public async Task<List<RiskBand>> RiskBandsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.LeadScores.GroupBy(s => s.DealRisk)
            .Select(g => new { g.Key, Q = g.Average(s => (double)s.QualityScore), E = g.Average(s => (double)s.EngagementScore), N = g.Count() })
            .ToDictionaryAsync(r => r.Key, ct);
        return Enum.GetValues<DealRisk>().Select(risk => rows.TryGetValue(risk, out var r)
            ? new RiskBand(risk, r.N, (int)Math.Round(r.Q), (int)Math.Round(r.E))
            : new RiskBand(risk, 0, 0, 0)).ToList();
    }
}
