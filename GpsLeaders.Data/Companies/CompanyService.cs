using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Companies;

/// <summary>Creating, matching and editing companies under <see cref="CompanyRules"/>.</summary>
public sealed class CompanyService(IDbContextFactory<CrmDbContext> dbs)
{
    public const string ChangedEvent = "company.changed";

    public async Task<Company> CreateAsync(CompanyInput input, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var company = Add(db, input, actingUserId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, company.Id), ct);
        return company;
    }

    /// <summary>Validates and adds a new company to <paramref name="db"/> without saving (for larger use cases).</summary>
    public static Company Add(CrmDbContext db, CompanyInput input, string? actingUserId)
    {
        var (company, created) = Build(input, actingUserId);
        db.Companies.Add(company);
        db.Activities.Add(created);
        return company;
    }

    /// <summary>A checked new company and its <c>company.created</c> Activity, neither added to a context (the import COPYs them).</summary>
    public static (Company Company, Activity Created) Build(CompanyInput input, string? actingUserId)
    {
        var company = new Company();
        var check = new Validation();
        CompanyRules.Apply(company, input, check);
        check.ThrowIfAny();
        return (company, ActivityLog.New("company.created", $"Company {company.Name} created.", new { company.Name, company.Source },
            userId: actingUserId, companyId: company.Id));
    }

    /// <summary>The existing company whose normalised name equals <paramref name="name"/>'s (the oldest if several), or null.</summary>
    public static Task<Company?> MatchByNameAsync(CrmDbContext db, string name, CancellationToken ct)
    {
        var key = CompanyName.Normalize(name);
        return db.Companies.Where(c => c.NormalizedName == key).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Saves changes made from a form opened at <paramref name="version"/>; a stale version is a conflict.</summary>
    public async Task<Company> UpdateAsync(string companyId, uint version, CompanyInput input, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == companyId, ct)
            ?? throw new ValidationFailedException("company", "This company no longer exists.");
        db.Entry(company).Property(c => c.Version).OriginalValue = version;
        var before = Snapshot(company);
        var check = new Validation();
        CompanyRules.Apply(company, input, check);
        check.ThrowIfAny();
        db.Record("company.updated", $"Company {company.Name} edited.", new { before, after = Snapshot(company) },
            userId: actingUserId, companyId: company.Id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("company"); }
        await db.PublishAsync(new LiveEvent(ChangedEvent, company.Id), ct);
        return company;
    }

    public const int MaxBulk = 1000;

    /// <summary>Assigns (or, with null, unassigns) a rep on every selected company, each change with its Activity.</summary>
    public Task<int> AssignRepAsync(IReadOnlyCollection<string> companyIds, string? repId, string? actingUserId, CancellationToken ct = default) =>
        BulkAsync(companyIds, actingUserId, (db, check) => RepToAssignAsync(db, repId, "assignedRepId", check, ct),
            (db, company, repName) => AssignRep(db, company, repId, repName, actingUserId), ct);

    /// <summary>The name of the rep about to be assigned (null unassigns); an unknown or inactive user is refused on <paramref name="field"/>.</summary>
    public static async Task<string?> RepToAssignAsync(CrmDbContext db, string? repId, string field, Validation check, CancellationToken ct)
    {
        if (repId is null) return null;
        var rep = await db.Users.Where(u => u.Id == repId && u.IsActive).Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct);
        if (rep is null) check.Add(field, "Choose an active user to assign.");
        return rep;
    }

    /// <summary>
    /// A step in the caller's transaction: sets the company's rep with its Activity; false when it already was. Assigned
    /// through a lead (its owner is the company's rep), the Activity names that lead.
    /// </summary>
    public static bool AssignRep(CrmDbContext db, Company company, string? repId, string? repName, string? actingUserId, Lead? through = null)
    {
        if (company.AssignedRepId == repId) return false;
        var before = company.AssignedRepId;
        company.AssignedRepId = repId;
        db.Record("company.rep_assigned", repId is null ? $"{company.Name} unassigned." : $"{company.Name} assigned to {repName}.",
            through is null ? (object)new { before, after = repId } : new { before, after = repId, via = "lead" },
            userId: actingUserId, leadId: through?.Id, companyId: company.Id, contactId: through?.ContactId);
        return true;
    }

    public Task<int> ChangeStatusAsync(IReadOnlyCollection<string> companyIds, CompanyStatus status, string? actingUserId, CancellationToken ct = default) =>
        BulkAsync<object?>(companyIds, actingUserId, (_, _) => Task.FromResult<object?>(null), (db, company, _) =>
        {
            if (company.Status == status) return false;
            var before = company.Status;
            company.Status = status;
            db.Record("company.status_changed", $"{company.Name} is now {status}.", new { before = before.ToString(), after = status.ToString() },
                userId: actingUserId, companyId: company.Id);
            return true;
        }, ct);

    /// <summary>One transaction for the whole selection: all companies change, or none. Returns how many changed.</summary>
    async Task<int> BulkAsync<TContext>(IReadOnlyCollection<string> companyIds, string? actingUserId,
        Func<CrmDbContext, Validation, Task<TContext>> prepare, Func<CrmDbContext, Company, TContext, bool> change, CancellationToken ct)
    {
        if (companyIds.Count == 0) throw new ValidationFailedException("selection", "Select at least one company.");
        if (companyIds.Count > MaxBulk) throw new ValidationFailedException("selection", $"Select at most {MaxBulk} companies at a time.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var check = new Validation();
        var context = await prepare(db, check);
        check.ThrowIfAny();
        var companies = await db.Companies.Where(c => companyIds.Contains(c.Id)).ToListAsync(ct);
        var changed = companies.Count(c => change(db, c, context));
        await db.SaveChangesAsync(ct);
        if (changed > 0) await db.PublishAsync(new LiveEvent(ChangedEvent, companies.Count == 1 ? companies[0].Id : null), ct);
        return changed;
    }

    static object Snapshot(Company c) => new
    {
        c.Name, c.Phone, c.Website, c.Industry, c.IcpTag, c.FleetSize, Status = c.Status.ToString(), c.AssignedRepId, c.OwnerName, c.SalesNote, c.Taxable,
    };
}
