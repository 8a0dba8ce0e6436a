using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Notes;

public sealed record NoteRow(string Id, string AuthorId, string AuthorName, string Body, DateTime CreatedAt, DateTime? EditedAt);

/// <summary>Reads for the notes panel.</summary>
public sealed class NoteQueries(IDbContextFactory<CrmDbContext> dbs)
{
    /// <summary>The newest 100 notes of a lead (when <paramref name="leadId"/> is given) or of a company.</summary>
    public async Task<List<NoteRow>> ListAsync(string companyId, string? leadId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var notes = leadId is null ? db.Notes.Where(n => n.CompanyId == companyId) : db.Notes.Where(n => n.LeadId == leadId);
        return await notes.OrderByDescending(n => n.CreatedAt).Take(100)
            .Select(n => new NoteRow(n.Id, n.AuthorId, n.Author.FirstName + " " + n.Author.LastName, n.Body, n.CreatedAt, n.EditedAt))
            .ToListAsync(ct);
    }
}
