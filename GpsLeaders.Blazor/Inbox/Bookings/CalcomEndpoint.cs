using System.Text;
using GpsLeaders.Blazor.Platform;
using GpsLeaders.Data.Inbox.Bookings;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Blazor.Inbox.Bookings;

/// <summary>
/// <c>POST /webhooks/calcom</c>: Cal.com calls it anonymously, so the signature over the raw body is the only proof of origin.
/// 401 when the signature is missing or wrong (or no secret is set), 400 when the payload is unusable, 200 otherwise
/// (also for triggers we ignore and for retries), so Cal.com stops retrying once we have it.
/// </summary>
public static class CalcomEndpoint
{
    public const string Path = "/webhooks/calcom";
    // A booking event is a few KB; the attendees' free-text answers are the only part that grows.
    public const int MaxBodyBytes = 256 * 1024;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery().WithBodyLimit(MaxBodyBytes);

    static async Task<IResult> HandleAsync(HttpContext http, CalcomSettings settings, BookingService bookings, ILoggerFactory logs, CancellationToken ct)
    {
        if (await RequestBodyLimits.ReadAsync(http.Request, MaxBodyBytes, ct) is not { } body) return RequestBodyLimits.TooLarge(MaxBodyBytes);

        var secret = await settings.SecretAsync(ct);
        if (!CalcomWebhook.SignatureMatches(body, http.Request.Headers[CalcomWebhook.SignatureHeader], secret))
            return Results.Json(new { error = secret is null ? "No Cal.com webhook secret is set." : "Signature missing or wrong." }, statusCode: StatusCodes.Status401Unauthorized);
        try
        {
            var evt = CalcomWebhook.Parse(body);
            // Stored as jsonb, which refuses a byte-order mark and the escapes \u0000 and lone surrogates.
            var result = await bookings.ApplyAsync(evt, StorableText.CleanJson(Encoding.UTF8.GetString(body).TrimStart('\uFEFF')), ct);
            return Results.Ok(new { outcome = result.Outcome.ToString(), bookingId = result.BookingId });
        }
        catch (ValidationFailedException ex)
        {
            logs.CreateLogger(typeof(CalcomEndpoint)).LogWarning("Cal.com webhook refused: {Problem}", ex.Message);
            return Results.BadRequest(new { errors = ex.Errors });
        }
    }
}
