using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Notes;

/// <summary>
/// Notes on a company, optionally about one of its leads (V2 requires the company). Bodies are plain text,
/// shown as text: never rendered as markup, whatever they contain.
/// </summary>
public sealed class NoteService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const int MaxLength = 20_000;
    public const string ChangedEvent = "note.changed";

    public async Task<Note> AddAsync(string companyId, string? leadId, string authorId, string? body, CancellationToken ct = default)
    {
        var text = Check(body);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
            throw new ValidationFailedException("companyId", "This company no longer exists.");
        if (leadId is not null && !await db.Leads.AnyAsync(l => l.Id == leadId && l.CompanyId == companyId, ct))
            throw new ValidationFailedException("leadId", "That lead does not belong to this company.");
        var note = new Note { CompanyId = companyId, LeadId = leadId, AuthorId = authorId, Body = text, CreatedAt = Now() };
        db.Notes.Add(note);
        db.Record("note.added", $"{await AuthorNameAsync(db, authorId, ct)} added a note.", new { noteId = note.Id, preview = Preview(text) },
            userId: authorId, leadId: leadId, companyId: companyId, occurredAt: note.CreatedAt);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, companyId), ct);
        return note;
    }

    /// <summary>The author edits their note (administrators may correct anyone's); editedAt records it.</summary>
    public async Task<Note> EditAsync(string noteId, string editorId, string? body, CancellationToken ct = default)
    {
        var text = Check(body);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId, ct)
            ?? throw new ValidationFailedException("note", "This note no longer exists.");
        if (note.AuthorId != editorId && !await db.Users.AnyAsync(u => u.Id == editorId && Roles.Admin.Contains(u.Role), ct))
            throw new ValidationFailedException("body", "Only the note's author can edit it.");
        if (note.Body == text) return note;
        var before = note.Body;
        note.Body = text;
        note.EditedAt = Now();
        db.Record("note.edited", $"{await AuthorNameAsync(db, editorId, ct)} edited a note.",
            new { noteId, before = Preview(before), after = Preview(text) }, userId: editorId, leadId: note.LeadId, companyId: note.CompanyId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, note.CompanyId), ct);
        return note;
    }

    static string Check(string? body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0) throw new ValidationFailedException("body", "A note cannot be empty.");
        if (text.Length > MaxLength) throw new ValidationFailedException("body", $"A note can be at most {MaxLength:N0} characters ({text.Length:N0} given).");
        return text;
    }

    static string Preview(string text) => text.Length <= 200 ? text : text[..200] + "…";

    static async Task<string> AuthorNameAsync(CrmDbContext db, string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct) ?? "Someone";

    DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)); // timestamp(3)
    }
}
