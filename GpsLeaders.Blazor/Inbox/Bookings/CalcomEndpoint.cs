using System.Text;
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
    const int MaxBodyBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery();

    static async Task<IResult> HandleAsync(HttpContext http, CalcomSettings settings, BookingService bookings, ILoggerFactory logs, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var body = buffer.ToArray();

        var secret = await settings.SecretAsync(ct);
        if (!CalcomWebhook.SignatureMatches(body, http.Request.Headers[CalcomWebhook.SignatureHeader], secret))
            return Results.Json(new { error = secret is null ? "No Cal.com webhook secret is set." : "Signature missing or wrong." }, statusCode: StatusCodes.Status401Unauthorized);
        try
        {
            var evt = CalcomWebhook.Parse(body);
            // Stored as jsonb, which refuses a byte-order mark.
            var result = await bookings.ApplyAsync(evt, Encoding.UTF8.GetString(body).TrimStart('\uFEFF'), ct);
            return Results.Ok(new { outcome = result.Outcome.ToString(), bookingId = result.BookingId });
        }
        catch (ValidationFailedException ex)
        {
            logs.CreateLogger(typeof(CalcomEndpoint)).LogWarning("Cal.com webhook refused: {Problem}", ex.Message);
            return Results.BadRequest(new { errors = ex.Errors });
        }
    }
}
