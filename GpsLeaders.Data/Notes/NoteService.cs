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
        var note = await AddAsync(db, companyId, leadId, authorId, text, Now(), via: null, ct);
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
        db.Record("note.edited", $"{await UserAccounts.NameAsync(db, editorId, ct)} edited a note.",
            new { noteId, before = Preview(before), after = Preview(text) }, userId: editorId, leadId: note.LeadId, companyId: note.CompanyId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, note.CompanyId), ct);
        return note;
    }

    /// <summary>
    /// Adds a checked note with its <c>note.added</c> Activity to <paramref name="db"/> without saving, for use cases that
    /// write one as part of something larger (the dialer's Save &amp; Next). The caller publishes <see cref="ChangedEvent"/>.
    /// </summary>
    public static async Task<Note> AddAsync(CrmDbContext db, string companyId, string? leadId, string authorId, string? body, DateTime at,
        string? via, CancellationToken ct)
    {
        var text = Check(body);
        var note = new Note { CompanyId = companyId, LeadId = leadId, AuthorId = authorId, Body = text, CreatedAt = at };
        db.Notes.Add(note);
        db.Record("note.added", $"{await UserAccounts.NameAsync(db, authorId, ct)} added a note.",
            via is null ? new { noteId = note.Id, preview = Preview(text) } : new { noteId = note.Id, preview = Preview(text), via },
            userId: authorId, leadId: leadId, companyId: companyId, occurredAt: at);
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


    DateTime Now() => clock.StoredNow();
}
