using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>Where uploaded voicemail audio is kept (the web app points it at <c>.data/voicemail</c>).</summary>
public sealed record VoicemailAudioFolder(string Path);

/// <summary>An uploaded file as the browser sent it.</summary>
public sealed record VoicemailUpload(string FileName, string? ContentType, Stream Content);

/// <summary>
/// Voicemail drops: a named clip, uploaded (stored as <c>&lt;id&gt;.&lt;ext&gt;</c> in <see cref="VoicemailAudioFolder"/>,
/// <c>audio_url</c> = <c>/voicemail/&lt;id&gt;</c>, served to signed-in staff only) or an http(s) link. Whenever drops exist,
/// exactly one is the default: every change of it runs in one transaction under one advisory lock.
/// </summary>
public sealed class VoicemailDropService(IDbContextFactory<CrmDbContext> dbs, VoicemailAudioFolder folder, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string ChangedEvent = "voicemail_drop.changed";
    public const string LocalUrlPrefix = "/voicemail/";

    static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audio/mpeg"] = "mp3", ["audio/mp3"] = "mp3", ["audio/wav"] = "wav", ["audio/x-wav"] = "wav", ["audio/wave"] = "wav",
        ["audio/vnd.wave"] = "wav", ["audio/ogg"] = "ogg",
    };

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["mp3"] = "audio/mpeg", ["wav"] = "audio/wav", ["ogg"] = "audio/ogg",
    };

    public async Task<List<VoicemailDrop>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.VoicemailDrops.AsNoTracking().OrderByDescending(d => d.IsDefault).ThenBy(d => d.Name).ThenBy(d => d.Id).ToListAsync(ct);
    }

    public Task<VoicemailDrop> AddUrlAsync(string? name, string? url, int durationSeconds, bool makeDefault, string actingUserId, CancellationToken ct = default)
    {
        var check = Check(name, durationSeconds);
        var link = url?.Trim() ?? "";
        check.Check(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "audioUrl",
            "The audio link must start with http:// or https://.");
        check.Check(link.Length <= 2_000, "audioUrl", "The audio link is too long.");
        check.ThrowIfAny();
        return InsertAsync(new VoicemailDrop { Name = name!.Trim(), AudioUrl = link, DurationSeconds = durationSeconds }, makeDefault, actingUserId, null, ct);
    }

    public async Task<VoicemailDrop> AddUploadAsync(string? name, VoicemailUpload upload, int durationSeconds, bool makeDefault, string actingUserId,
        CancellationToken ct = default)
    {
        var check = Check(name, durationSeconds);
        var ext = upload.ContentType is { } type && Extensions.TryGetValue(type.Split(';')[0].Trim(), out var e) ? e : null;
        check.Check(ext is not null, "audio", "Upload an MP3, WAV or OGG file.");
        check.ThrowIfAny();

        var drop = new VoicemailDrop { Name = name!.Trim(), DurationSeconds = durationSeconds };
        drop.AudioUrl = LocalUrlPrefix + drop.Id;
        Directory.CreateDirectory(folder.Path);
        var path = Path.Combine(folder.Path, $"{drop.Id}.{ext}");
        try
        {
            await CopyCheckedAsync(upload.Content, path, ext!, ct);
            return await InsertAsync(drop, makeDefault, actingUserId, new { fileName = Path.GetFileName(upload.FileName), bytes = new FileInfo(path).Length }, ct);
        }
        catch
        {
            File.Delete(path); // nothing half-written: no row, no file
            throw;
        }
    }

    public async Task SetDefaultAsync(string dropId, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockDefaultAsync(db, ct);
        var drop = await db.VoicemailDrops.FirstOrDefaultAsync(d => d.Id == dropId, ct)
            ?? throw new ValidationFailedException("voicemailDrop", "This voicemail drop no longer exists.");
        if (drop.IsDefault) return;
        var before = await db.VoicemailDrops.Where(d => d.IsDefault).Select(d => d.Id).FirstOrDefaultAsync(ct);
        await db.VoicemailDrops.ExecuteUpdateAsync(s => s.SetProperty(d => d.IsDefault, d => d.Id == dropId), ct);
        db.Record("voicemail_drop.default_set", $"Voicemail drop \"{drop.Name}\" is now the default.", new { voicemailDropId = dropId, before, after = dropId },
            userId: actingUserId, occurredAt: Now());
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, dropId), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Deletes the drop (and its file); when it was the default, the newest remaining drop takes over.</summary>
    public async Task DeleteAsync(string dropId, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockDefaultAsync(db, ct);
        var drop = await db.VoicemailDrops.FirstOrDefaultAsync(d => d.Id == dropId, ct)
            ?? throw new ValidationFailedException("voicemailDrop", "This voicemail drop no longer exists.");
        db.VoicemailDrops.Remove(drop);
        string? successor = null;
        if (drop.IsDefault)
        {
            successor = await db.VoicemailDrops.Where(d => d.Id != dropId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
                .Select(d => d.Id).FirstOrDefaultAsync(ct);
            if (successor is not null) await db.VoicemailDrops.Where(d => d.Id == successor).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsDefault, true), ct);
        }
        db.Record("voicemail_drop.deleted", $"Voicemail drop \"{drop.Name}\" deleted.",
            new { voicemailDropId = dropId, drop.Name, drop.AudioUrl, wasDefault = drop.IsDefault, newDefault = successor }, userId: actingUserId, occurredAt: Now());
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, dropId), ct);
        await tx.CommitAsync(ct);
        if (AudioFile(dropId) is { } file) File.Delete(file.Path);
    }

    /// <summary>The stored file of an uploaded drop (path and content type), or null. The id must be a GUID: no path tricks.</summary>
    public (string Path, string ContentType)? AudioFile(string dropId)
    {
        if (!Guid.TryParse(dropId, out var id) || !Directory.Exists(folder.Path)) return null;
        foreach (var (ext, type) in ContentTypes)
        {
            var path = Path.Combine(folder.Path, $"{id}.{ext}");
            if (File.Exists(path)) return (path, type);
        }
        return null;
    }

    public async Task<bool> ExistsAsync(string dropId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.VoicemailDrops.AnyAsync(d => d.Id == dropId, ct);
    }

    async Task<VoicemailDrop> InsertAsync(VoicemailDrop drop, bool makeDefault, string actingUserId, object? upload, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockDefaultAsync(db, ct);
        // The first drop is the default whatever was asked: with drops there is always exactly one.
        drop.IsDefault = makeDefault || !await db.VoicemailDrops.AnyAsync(ct);
        if (drop.IsDefault) await db.VoicemailDrops.Where(d => d.IsDefault).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsDefault, false), ct);
        drop.CreatedAt = Now();
        db.VoicemailDrops.Add(drop);
        db.Record("voicemail_drop.added", $"Voicemail drop \"{drop.Name}\" added{(drop.IsDefault ? " as the default" : "")}.",
            new { voicemailDropId = drop.Id, drop.Name, drop.AudioUrl, drop.DurationSeconds, drop.IsDefault, upload }, userId: actingUserId, occurredAt: drop.CreatedAt);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, drop.Id), ct);
        await tx.CommitAsync(ct);
        return drop;
    }

    static Task LockDefaultAsync(CrmDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('voicemail_drops.default'))", ct);

    /// <summary>Copies at most <see cref="MaxBytes"/> and checks the file starts like the format its type claims.</summary>
    static async Task CopyCheckedAsync(Stream source, string path, string ext, CancellationToken ct)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81_920];
        var head = new byte[12];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (total < head.Length) Array.Copy(buffer, 0, head, (int)total, (int)Math.Min(read, head.Length - total));
            total += read;
            if (total > MaxBytes) throw new ValidationFailedException("audio", $"The audio file can be at most {MaxBytes / (1024 * 1024)} MB.");
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (total == 0) throw new ValidationFailedException("audio", "The audio file is empty.");
        var ok = ext switch
        {
            "wav" => head[..4].SequenceEqual("RIFF"u8.ToArray()) && head[8..12].SequenceEqual("WAVE"u8.ToArray()),
            "ogg" => head[..4].SequenceEqual("OggS"u8.ToArray()),
            _ => head[..3].SequenceEqual("ID3"u8.ToArray()) || (head[0] == 0xFF && (head[1] & 0xE0) == 0xE0),
        };
        if (!ok) throw new ValidationFailedException("audio", $"That file is not a valid {ext.ToUpperInvariant()} audio file.");
    }

    static Validation Check(string? name, int durationSeconds)
    {
        var check = new Validation();
        check.Require("name", name, "A name");
        check.Check((name?.Trim().Length ?? 0) <= 100, "name", "A voicemail drop name has at most 100 characters.");
        check.Check(durationSeconds is >= 1 and <= 600, "durationSeconds", "Duration must be between 1 and 600 seconds.");
        return check;
    }

    DateTime Now() => clock.StoredNow();
}
