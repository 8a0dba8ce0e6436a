using System.Diagnostics;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GpsLeaders.Data.Import;

/// <summary>What to import: a read file, how its columns map, where it comes from and who runs it.</summary>
public sealed record ImportRequest(ImportFile File, ColumnMapping Mapping, ImportSource Source, string? UserId, string? Campaign = null);

/// <summary>
/// Runs a CSV import: every row ends created, merged or rejected with its reason (none is dropped), and
/// re-importing the same file creates nothing (its rows all match what the first run created).
///
/// Rows go in batches of <see cref="BatchSize"/>, each on a fresh DbContext with automatic change detection off,
/// its match keys loaded set-wise, and each batch saved in one transaction (SaveChanges): a crash or a failed
/// batch never half-writes a row, and whatever batches committed before stay (re-import the file to finish; the
/// committed rows then merge as unchanged). One transaction for the whole file would hold locks and memory for
/// minutes on a 50,000-row scrape and lose all of it on one bad row.
/// </summary>
public sealed class ImportService(IDbContextFactory<CrmDbContext> dbs)
{
    public const int BatchSize = 500;

    public static readonly string[] RequiredOneOf = ["Company name", "Email"];

    /// <summary>The lead / company source recorded for rows from <paramref name="source"/>.</summary>
    public static string SourceName(ImportSource source) => source switch
    {
        ImportSource.GoogleMaps => "google_maps",
        ImportSource.Plusvibe => "plusvibe",
        _ => "csv_import",
    };

    /// <summary>Refuses a mapping that maps neither a company name nor an email column: no row could be imported.</summary>
    public static void CheckMapping(ImportFile file, ColumnMapping mapping)
    {
        if (mapping.Fields.Count != file.Headers.Count)
            throw new ImportFileException($"The mapping has {mapping.Fields.Count} columns but {file.FileName} has {file.Headers.Count}.");
        if (!mapping.Has(ImportField.CompanyName) && !mapping.Has(ImportField.Email))
            throw new ImportFileException(
                $"{file.FileName} has no column mapped to Company name or Email, and every row needs one of them. " +
                $"Its columns are: {string.Join(", ", file.Headers.Select(h => $"'{h}'"))}.");
    }

    /// <summary>The rows as they would be imported (read through the mapping and checked), for the preview.</summary>
    public static IReadOnlyList<ImportRow> Preview(ImportFile file, ColumnMapping mapping, int count)
    {
        var duplicates = new ImportRow.InFileDuplicates();
        return file.Rows.Take(count).Select(r => Read(r, mapping, file.Headers.Count, duplicates)).ToList();
    }

    static ImportRow Read(CsvRecord record, ColumnMapping mapping, int headerCount, ImportRow.InFileDuplicates duplicates)
    {
        var row = ImportRow.From(record, mapping, headerCount);
        duplicates.Flag(row);
        return row;
    }

    public async Task<ImportResult> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var file = request.File;
        CheckMapping(file, request.Mapping);
        var source = request.Source == ImportSource.Auto ? file.DetectedSource : request.Source;
        var sourceName = SourceName(source);
        var watch = Stopwatch.StartNew();
        var results = new List<RowResult>(file.Rows.Count);
        int companies = 0, contacts = 0, leads = 0, created = 0, merged = 0, rejected = 0;
        progress?.Report(new ImportProgress(0, file.Rows.Count, 0, 0, 0));
        var duplicates = new ImportRow.InFileDuplicates();

        foreach (var chunk in file.Rows.Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            var rows = chunk.Select(r => Read(r, request.Mapping, file.Headers.Count, duplicates)).ToList();
            var outcome = await RunBatchAsync(rows, sourceName, request, ct);
            results.AddRange(outcome.Rows);
            companies += outcome.Companies;
            contacts += outcome.Contacts;
            leads += outcome.Leads;
            foreach (var r in outcome.Rows)
            {
                if (r.Outcome == RowOutcome.Created) created++;
                else if (r.Outcome == RowOutcome.Merged) merged++;
                else rejected++;
            }
            progress?.Report(new ImportProgress(results.Count, file.Rows.Count, created, merged, rejected));
        }

        watch.Stop();
        var result = new ImportResult(file.FileName, sourceName, results, companies, contacts, leads, watch.Elapsed);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.Record("import.finished",
                $"Import of {file.FileName}: {created} rows created, {merged} merged, {rejected} rejected.",
                new
                {
                    file = file.FileName, source = sourceName, rows = results.Count, created, merged, rejected,
                    companiesCreated = companies, contactsCreated = contacts, leadsCreated = leads,
                    seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                },
                userId: request.UserId);
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    sealed record BatchOutcome(IReadOnlyList<RowResult> Rows, int Companies, int Contacts, int Leads);

    async Task<BatchOutcome> RunBatchAsync(List<ImportRow> rows, string sourceName, ImportRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new ImportBatch(db, sourceName, request.Campaign, request.File.FileName, request.UserId);
        await batch.LoadAsync(rows.Where(r => r.IsValid).ToList(), ct);
        var results = rows.Select(batch.Apply).ToList();
        db.ChangeTracker.DetectChanges();
        // New rows leave the change tracker for binary COPY (ImportCopy); merged rows stay and save through EF.
        List<T> Added<T>() where T : class => db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        List<Company> companies = [.. batch.NewCompanies, .. Added<Company>()];
        List<Contact> contacts = [.. batch.NewContacts, .. Added<Contact>()];
        List<Lead> leads = [.. batch.NewLeads, .. Added<Lead>()];
        List<Activities.Activity> activities = [.. batch.NewActivities, .. Added<Activities.Activity>()];
        var addresses = batch.NewAddresses;
        // Detaching one by one would run EF's fix-up and null the foreign keys of the rows that point at them, so the
        // tracker is cleared at once and the merged rows re-attached with their changed properties and xmin.
        var modified = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified)
            .Select(e => (e.Entity, Changed: e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList(),
                Version: e.Metadata.FindProperty("Version") is null ? null : e.Property("Version").OriginalValue))
            .ToList();
        db.ChangeTracker.Clear();
        foreach (var (entity, changed, version) in modified)
        {
            var entry = db.Entry(entity);
            entry.State = EntityState.Unchanged;
            if (version is not null) entry.Property("Version").OriginalValue = version;
            foreach (var name in changed) entry.Property(name).IsModified = true;
        }
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ImportCopy.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), companies, contacts, leads, addresses, activities, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new BatchOutcome(results, batch.CompaniesCreated, batch.ContactsCreated, batch.LeadsCreated);
        }
        catch (Exception ex) when (ex is DbUpdateException or PostgresException)
        {
            // Someone changed a matched record, or added the same email or place id, while the batch ran: nothing of
            // the batch is written, and its rows say so (running the import again picks them up).
            var why = ex is DbUpdateConcurrencyException ? "a matched record was changed by someone else meanwhile" : (ex.InnerException ?? ex).Message;
            var (first, last) = (rows[0].RowNumber, rows[^1].RowNumber);
            return new BatchOutcome(results.Select(r => r.Outcome == RowOutcome.Rejected ? r : r with
            {
                Outcome = RowOutcome.Rejected,
                Reason = $"Row {r.RowNumber}: not saved: rows {first}–{last} were written together and failed ({why}); import the file again.",
                CompanyId = null, ContactId = null, LeadId = null,
            }).ToList(), 0, 0, 0);
        }
    }
}
