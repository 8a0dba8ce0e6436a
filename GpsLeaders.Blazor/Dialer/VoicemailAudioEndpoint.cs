using GpsLeaders.Blazor.Platform;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data.Dialer;

namespace GpsLeaders.Blazor.Dialer;

/// <summary>
/// Uploaded voicemail audio: kept in <c>.data/voicemail</c> (or <c>Voicemail:AudioDir</c>), never under wwwroot, and
/// served at <c>/voicemail/{id}</c> to signed-in staff only (anonymous requests get the sign-in challenge).
/// </summary>
public static class VoicemailAudioEndpoint
{
    // Resolved on first use, like the database: configuration given by a host (tests, env vars) is in place by then.
    public static IServiceCollection AddCrmVoicemailAudio(this IServiceCollection services) =>
        services.AddSingleton(sp => new VoicemailAudioFolder(sp.GetRequiredService<IConfiguration>()["Voicemail:AudioDir"] is { Length: > 0 } dir
            ? dir : Path.Combine(AppDatabase.DataRoot(), "voicemail")));

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(VoicemailDropService.LocalUrlPrefix + "{id}", async (string id, VoicemailDropService drops, HttpContext http, CancellationToken ct) =>
        {
            // A file without its row (a delete in progress, a failed add) is not served.
            if (drops.AudioFile(id) is not { } file || !await drops.ExistsAsync(id, ct)) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, max-age=300";
            return Results.File(file.Path, file.ContentType, enableRangeProcessing: true);
        }).RequireAuthorization(Policies.Staff);
}
