using GpsLeaders.Data.Inbox.Sms;

namespace GpsLeaders.Blazor.Inbox;

/// <summary>
/// <c>POST /webhooks/sms-gateway/{gatewayId}</c>: the URL operators register on the phone for sms:received, sms:sent,
/// sms:delivered, sms:failed and system:ping. 401 for a bad signature (or an unknown gateway: no difference shown),
/// 400 for a body that is not an event, 200 otherwise, including a repeated event.
/// </summary>
public static class SmsGatewayEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/sms-gateway/{gatewayId}", async (string gatewayId, HttpRequest request, SmsWebhookHandling handling, CancellationToken ct) =>
            {
                if (request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
                var raw = await reader.ReadToEndAsync(ct);
                var (outcome, problem) = await handling.HandleAsync(gatewayId, raw,
                    request.Headers["X-Signature"].FirstOrDefault(), request.Headers["X-Timestamp"].FirstOrDefault(), ct);
                return outcome switch
                {
                    WebhookOutcome.Unauthorized => Results.Json(new { error = problem }, statusCode: StatusCodes.Status401Unauthorized),
                    WebhookOutcome.BadRequest => Results.Json(new { error = problem }, statusCode: StatusCodes.Status400BadRequest),
                    WebhookOutcome.Duplicate => Results.Ok(new { status = "duplicate" }),
                    _ => Results.Ok(new { status = "ok" }),
                };
            })
            .AllowAnonymous()
            .DisableAntiforgery();
}
