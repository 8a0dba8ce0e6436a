using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Platform;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Dialer;

public class VoicemailDropServiceTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "vm-test-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The smallest valid WAV: a RIFF header, a fmt chunk and <paramref name="samples"/> bytes of 8-bit mono silence.</summary>
    internal static byte[] Wav(int samples = 800)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8); w.Write(36 + samples); w.Write("WAVE"u8);
        w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)1); w.Write(8000); w.Write(8000); w.Write((short)1); w.Write((short)8);
        w.Write("data"u8); w.Write(samples); w.Write(Enumerable.Repeat((byte)128, samples).ToArray());
        w.Flush();
        return ms.ToArray();
    }

    async Task<(Services S, string Admin)> ArrangeAsync()
    {
        var services = new Services(await TestDatabases.CreateMigratedAsync(), replace: s => s.AddSingleton(new VoicemailAudioFolder(_folder)));
        var admin = await services.Get<GpsLeaders.Data.Users.UserAccounts>().CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
        return (services, admin.Id);
    }

    static async Task<string[]> DefaultsAsync(Services s)
    {
        await using var db = s.Db();
        return await db.VoicemailDrops.Where(d => d.IsDefault).Select(d => d.Name).ToArrayAsync();
    }

    [Fact]
    public async Task An_upload_is_stored_under_the_folder_and_exactly_one_drop_is_the_default_through_every_change()
    {
        var (s, admin) = await ArrangeAsync();
        var drops = s.Get<VoicemailDropService>();

        var uploaded = await drops.AddUploadAsync("Intro", new VoicemailUpload("intro.wav", "audio/wav", new MemoryStream(Wav())), 12, false, admin);
        Assert.Equal("/voicemail/" + uploaded.Id, uploaded.AudioUrl);
        Assert.True(uploaded.IsDefault); // the first one is the default
        var file = drops.AudioFile(uploaded.Id);
        Assert.Equal("audio/wav", file?.ContentType);
        Assert.Equal(Path.Combine(_folder, uploaded.Id + ".wav"), file?.Path);
        Assert.Equal(Wav(), await File.ReadAllBytesAsync(file!.Value.Path));

        var linked = await drops.AddUrlAsync("Follow-up", "https://cdn.example.com/vm/follow-up.mp3", 20, true, admin);
        Assert.Equal(["Follow-up"], await DefaultsAsync(s));
        await drops.AddUrlAsync("Spare", "http://cdn.example.com/spare.ogg", 8, false, admin);
        Assert.Equal(["Follow-up"], await DefaultsAsync(s));

        await drops.SetDefaultAsync(uploaded.Id, admin);
        Assert.Equal(["Intro"], await DefaultsAsync(s));
        Assert.Equal("Intro", (await drops.ListAsync())[0].Name); // the default first

        await drops.DeleteAsync(uploaded.Id, admin);
        Assert.Null(drops.AudioFile(uploaded.Id));
        Assert.False(File.Exists(file.Value.Path));
        Assert.Equal(["Spare"], await DefaultsAsync(s)); // the newest remaining takes over
        await drops.DeleteAsync(linked.Id, admin);
        Assert.Equal(["Spare"], await DefaultsAsync(s));

        await using var db = s.Db();
        Assert.Equal(["voicemail_drop.added", "voicemail_drop.added", "voicemail_drop.added", "voicemail_drop.default_set", "voicemail_drop.deleted", "voicemail_drop.deleted"],
            (await db.Activities.Where(a => a.ActivityType.StartsWith("voicemail_drop.")).Select(a => a.ActivityType).ToListAsync()).Order());
    }

    [Fact]
    public async Task Wrong_types_fakes_oversized_files_and_bad_links_are_refused_and_leave_nothing_behind()
    {
        var (s, admin) = await ArrangeAsync();
        var drops = s.Get<VoicemailDropService>();
        async Task<string> Refused(Func<Task> add) => string.Join(",", (await Assert.ThrowsAsync<ValidationFailedException>(add)).Errors.Keys);

        Assert.Equal("audio", await Refused(() => drops.AddUploadAsync("Text", new VoicemailUpload("a.txt", "text/plain", new MemoryStream([1, 2, 3])), 5, false, admin)));
        Assert.Equal("audio", await Refused(() => drops.AddUploadAsync("Fake", new VoicemailUpload("a.wav", "audio/wav", new MemoryStream(new byte[64])), 5, false, admin)));
        Assert.Equal("audio", await Refused(() => drops.AddUploadAsync("Huge",
            new VoicemailUpload("a.wav", "audio/wav", new MemoryStream(Wav((int)VoicemailDropService.MaxBytes))), 5, false, admin)));
        Assert.Equal("audioUrl", await Refused(() => drops.AddUrlAsync("Link", "javascript:alert(1)", 5, false, admin)));
        Assert.Equal("name,durationSeconds", await Refused(() => drops.AddUrlAsync(" ", "https://x.example/a.mp3", 0, false, admin)));

        Assert.Empty(await drops.ListAsync());
        Assert.True(!Directory.Exists(_folder) || Directory.GetFiles(_folder).Length == 0);
        Assert.Null(drops.AudioFile("../../etc/passwd"));
    }
}
