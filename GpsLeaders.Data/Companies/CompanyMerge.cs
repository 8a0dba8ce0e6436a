using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Tasks;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GpsLeaders.Data.Companies;

// EF1002: the only text spliced into SQL here is a table name from the constant Kinds list; ids and times are parameters.
#pragma warning disable EF1002

/// <summary>
/// Merging a duplicate company into a survivor: every row that references the duplicate moves to the
/// survivor, the survivor's empty fields are filled from the duplicate (never overwritten), the duplicate
/// is deleted and a <c>company.merged</c> activity on the survivor records it all. One transaction.
/// </summary>
public sealed class CompanyMerge(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const string MergedEvent = "company.merged";
    public const int CandidateLimit = 20;

    /// <summary>Every table with a company_id (data-model.md), in the order they are moved.</summary>
    public static readonly IReadOnlyList<MergedKind> Kinds =
    [
        new("contacts", "Contacts", "contacts", true),
        new("leads", "Leads", "leads", true),
        new("notes", "Notes", "notes", false),
        new("tasks", "Tasks", "tasks", true),
        new("addresses", "Addresses", "company_addresses", true),
        new("invoices", "Invoices", "invoices", true),
        new("devices", "Devices", "devices", true),
        new("fulfillmentOrders", "Fulfillment orders", "fulfillment_orders", true),
        new("activities", "Timeline activities", "activities", false),
    ];

    /// <summary>Up to 20 other companies whose name starts with (then contains) <paramref name="text"/>; never the whole table.</summary>
    public async Task<IReadOnlyList<MergeCandidate>> CandidatesAsync(string survivorId, string? text, CancellationToken ct = default)
    {
        var key = CompanyName.Normalize(text ?? "");
        if (key.Length == 0) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var others = db.Companies.AsNoTracking().Where(c => c.Id != survivorId);
        // Prefix first, as a range over the normalized_name index; then an unordered substring top-up.
        var hits = await others.WhereNameStartsWith(key).ThenBy(c => c.Id).Take(CandidateLimit)
            .Select(c => new MergeCandidate(c.Id, c.Name, c.Phone, c.Website, c.Status)).ToListAsync(ct);
        if (hits.Count < CandidateLimit)
        {
            var found = hits.Select(h => h.Id).ToList();
            hits.AddRange(await others.Where(c => c.NormalizedName.Contains(key) && !found.Contains(c.Id)).Take(CandidateLimit - hits.Count)
                .Select(c => new MergeCandidate(c.Id, c.Name, c.Phone, c.Website, c.Status)).ToListAsync(ct));
        }
        return hits;
    }

    /// <summary>Counts per kind of what would move, for the confirmation dialog; its versions go back into <see cref="MergeAsync"/>.</summary>
    public async Task<CompanyMergePreview> PreviewAsync(string survivorId, string duplicateId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (survivor, duplicate) = CheckPair(survivorId, duplicateId,
            await db.Companies.AsNoTracking().Where(c => c.Id == survivorId || c.Id == duplicateId).ToListAsync(ct));
        var moves = await CountAsync(db, duplicateId, ct);
        return new CompanyMergePreview(survivor.Id, survivor.Name, survivor.Version, duplicate.Id, duplicate.Name, duplicate.Version,
            moves, Fill(survivor, duplicate)); // survivor is untracked: filling it here changes nothing stored
    }

    /// <summary>
    /// Merges <paramref name="duplicateId"/> into <paramref name="survivorId"/> as previewed at the two versions;
    /// if either company changed since, nothing is written and a <see cref="ConcurrencyConflictException"/> tells why.
    /// </summary>
    public async Task<CompanyMergeResult> MergeAsync(string survivorId, string duplicateId, uint survivorVersion, uint duplicateVersion,
        string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var actor = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actingUserId && u.IsActive, ct);
        if (actor is null || !Roles.Finance.Contains(actor.Role))
            throw new ValidationFailedException("user", "Only administrators and operators can merge companies.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Both rows locked in id order, so two merges touching the same companies queue instead of deadlocking.
        var locked = await db.Companies
            .FromSqlRaw("SELECT *, xmin FROM companies WHERE id IN ({0}, {1}) ORDER BY id FOR UPDATE", survivorId, duplicateId)
            .ToListAsync(ct);
        var (survivor, duplicate) = CheckPair(survivorId, duplicateId, locked);
        if (survivor.Version != survivorVersion || duplicate.Version != duplicateVersion)
            throw new ConcurrencyConflictException("company");

        var snapshot = Snapshot(duplicate);
        var now = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified); // timestamp(3) holding UTC
        var moved = await MoveAsync(db, survivor.Id, duplicate.Id, now, ct);

        // Deleted before the survivor is saved, so its unique google_place_id is free for the survivor to take.
        db.Entry(duplicate).State = EntityState.Detached;
        await db.Database.ExecuteSqlRawAsync("DELETE FROM companies WHERE id = {0}", [duplicate.Id], ct);

        var filled = Fill(survivor, duplicate);
        db.Entry(survivor).Property(c => c.UpdatedAt).IsModified = true; // it gained rows even when no field was empty
        var summary = $"{actor.FirstName} {actor.LastName}".Trim() + $" merged {duplicate.Name} into {survivor.Name}.";
        var activity = db.Record("company.merged", summary, new { duplicate = snapshot, moved, filled },
            userId: actingUserId, companyId: survivor.Id, occurredAt: clock.GetUtcNow().UtcDateTime);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("company"); }
        // Open pages of both companies reload (the duplicate's then says it is gone), and so do the panels
        // listing the moved rows. No summary: the one who merged gets a toast from the dialog, others need none.
        foreach (var evt in new[]
        {
            new LiveEvent(MergedEvent, survivor.Id), new LiveEvent(CompanyService.ChangedEvent, survivor.Id),
            new LiveEvent(CompanyService.ChangedEvent, duplicate.Id), new LiveEvent(ContactService.ChangedEvent),
            new LiveEvent(LeadService.ChangedEvent), new LiveEvent(NoteService.ChangedEvent, survivor.Id), new LiveEvent(TaskService.ChangedEvent),
        })
            await db.PublishAsync(evt, ct);
        await tx.CommitAsync(ct); // the notifications above are delivered on commit only
        return new CompanyMergeResult(survivor.Id, activity.Id, moved, filled);
    }

    static (Company Survivor, Company Duplicate) CheckPair(string survivorId, string duplicateId, IReadOnlyList<Company> found)
    {
        if (survivorId == duplicateId)
            throw new ValidationFailedException("duplicateId", "A company cannot be merged into itself.");
        var survivor = found.FirstOrDefault(c => c.Id == survivorId)
            ?? throw new ValidationFailedException("survivorId", "The company to keep no longer exists.");
        var duplicate = found.FirstOrDefault(c => c.Id == duplicateId)
            ?? throw new ValidationFailedException("duplicateId", "The company to merge away no longer exists.");
        return (survivor, duplicate);
    }

    static async Task<Dictionary<string, int>> CountAsync(CrmDbContext db, string companyId, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        foreach (var kind in Kinds)
            counts[kind.Key] = await db.Database
                .SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM \"{kind.Table}\" WHERE company_id = {{0}}", companyId)
                .SingleAsync(ct);
        return counts;
    }

    /// <summary>Set-wise moves, one UPDATE per table; returns the rows moved per kind.</summary>
    static async Task<Dictionary<string, int>> MoveAsync(CrmDbContext db, string survivorId, string duplicateId, DateTime now, CancellationToken ct)
    {
        // One default billing and one default shipping address per company: the survivor's defaults win.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE company_addresses d SET
                is_default_billing = d.is_default_billing AND NOT EXISTS (SELECT 1 FROM company_addresses s WHERE s.company_id = {0} AND s.is_default_billing),
                is_default_shipping = d.is_default_shipping AND NOT EXISTS (SELECT 1 FROM company_addresses s WHERE s.company_id = {0} AND s.is_default_shipping)
            WHERE d.company_id = {1} AND (d.is_default_billing OR d.is_default_shipping)
            """, [survivorId, duplicateId], ct);
        // Activities are append-only (0003); 0004 lets company_id alone be re-pointed while this transaction says so.
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('crm.company_merge', 'on', true)", ct);

        var stamp = new NpgsqlParameter("stamp", NpgsqlDbType.Timestamp) { Value = now }; // timestamp(3) columns, not timestamptz
        var moved = new Dictionary<string, int>();
        foreach (var kind in Kinds)
            moved[kind.Key] = kind.HasUpdatedAt
                ? await db.Database.ExecuteSqlRawAsync($"UPDATE \"{kind.Table}\" SET company_id = {{0}}, updated_at = {{2}} WHERE company_id = {{1}}", [survivorId, duplicateId, stamp], ct)
                : await db.Database.ExecuteSqlRawAsync($"UPDATE \"{kind.Table}\" SET company_id = {{0}} WHERE company_id = {{1}}", [survivorId, duplicateId], ct);
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('crm.company_merge', 'off', true)", ct);
        return moved;
    }

    /// <summary>Copies the duplicate's value into every survivor field that is empty; returns the fields filled.</summary>
    static List<string> Fill(Company s, Company d)
    {
        var filled = new List<string>();
        void Take<T>(string field, T mine, T theirs, Action<T> set)
        {
            if (IsEmpty(mine) && !IsEmpty(theirs)) { set(theirs); filled.Add(field); }
        }
        Take("phone", s.Phone, d.Phone, v => s.Phone = v);
        Take("website", s.Website, d.Website, v => s.Website = v);
        Take("industry", s.Industry, d.Industry, v => s.Industry = v);
        Take("icpTag", s.IcpTag, d.IcpTag, v => s.IcpTag = v);
        Take("businessLabel", s.BusinessLabel, d.BusinessLabel, v => s.BusinessLabel = v);
        Take("fleetSize", s.FleetSize, d.FleetSize, v => s.FleetSize = v);
        Take("googlePlaceId", s.GooglePlaceId, d.GooglePlaceId, v => s.GooglePlaceId = v);
        Take("googleRating", s.GoogleRating, d.GoogleRating, v => s.GoogleRating = v);
        Take("googleReviewCount", s.GoogleReviewCount, d.GoogleReviewCount, v => s.GoogleReviewCount = v);
        Take("heroPhotoUrl", s.HeroPhotoUrl, d.HeroPhotoUrl, v => s.HeroPhotoUrl = v);
        Take("googleMapsUrl", s.GoogleMapsUrl, d.GoogleMapsUrl, v => s.GoogleMapsUrl = v);
        Take("aboutDescription", s.AboutDescription, d.AboutDescription, v => s.AboutDescription = v);
        Take("linkedinCompanyUrl", s.LinkedinCompanyUrl, d.LinkedinCompanyUrl, v => s.LinkedinCompanyUrl = v);
        Take("ownerName", s.OwnerName, d.OwnerName, v => s.OwnerName = v);
        Take("source", s.Source, d.Source, v => s.Source = v);
        Take("vendor", s.Vendor, d.Vendor, v => s.Vendor = v);
        Take("salesNote", s.SalesNote, d.SalesNote, v => s.SalesNote = v);
        Take("assignedRepId", s.AssignedRepId, d.AssignedRepId, v => s.AssignedRepId = v);
        Take("qbCustomerId", s.QbCustomerId, d.QbCustomerId, v => s.QbCustomerId = v);
        Take("stripeCustomerId", s.StripeCustomerId, d.StripeCustomerId, v => s.StripeCustomerId = v);
        // LEAD is only the default; a paying duplicate makes the survivor a customer (its invoices move too).
        if (s.Status == CompanyStatus.LEAD && d.Status == CompanyStatus.CUSTOMER) { s.Status = CompanyStatus.CUSTOMER; filled.Add("status"); }
        return filled;
    }

    static bool IsEmpty<T>(T value) => value is null || value is string text && string.IsNullOrWhiteSpace(text);

    /// <summary>The duplicate as it was, kept in the activity since the row itself is deleted.</summary>
    static object Snapshot(Company c) => new
    {
        c.Id, c.Name, c.NormalizedName, c.Phone, c.Website, c.Industry, c.IcpTag, c.BusinessLabel, c.FleetSize,
        c.GoogleRating, c.GoogleReviewCount, c.HeroPhotoUrl, c.GoogleMapsUrl, c.GooglePlaceId, c.LinkedinCompanyUrl,
        c.OwnerName, c.Source, c.Vendor, c.SalesNote, c.Taxable, c.AssignedRepId, c.QbCustomerId, c.StripeCustomerId,
        Status = c.Status.ToString(), c.CreatedAt,
    };
}
