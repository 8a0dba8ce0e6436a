using GpsLeaders.Blazor.Platform;
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
                // Read to the cap only, before the signature is known: an anonymous chunked body is never held whole.
                if (await RequestBodyLimits.ReadAsync(request, MaxBodyBytes, ct) is not { } body) return RequestBodyLimits.TooLarge(MaxBodyBytes);
                var raw = System.Text.Encoding.UTF8.GetString(body);
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
            .DisableAntiforgery()
            .WithBodyLimit(MaxBodyBytes);
}
