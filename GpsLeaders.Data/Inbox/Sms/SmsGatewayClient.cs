using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace GpsLeaders.Data.Inbox.Sms;

/// <summary>
/// The "SMS Gateway for Android" REST API: local mode posts to the phone's own server at <c>/message</c>,
/// cloud mode to <c>/3rdparty/v1/messages</c>; Basic auth either way. Our message id goes along so that the
/// status webhooks name it.
/// </summary>
public sealed class SmsGatewayClient(IHttpClientFactory http)
{
    public const string HttpClientName = "sms-gateway";

    public async Task SendAsync(GatewayCredentials gateway, string toE164, string text, string messageId, CancellationToken ct)
    {
        var path = gateway.Mode == GatewayMode.Cloud ? "/3rdparty/v1/messages" : "/message";
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url.TrimEnd('/') + path)
        {
            Content = JsonContent.Create(new
            {
                id = messageId,
                textMessage = new { text },
                phoneNumbers = new[] { toE164 },
                withDeliveryReport = true,
                ttl = 86_400,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{gateway.Username}:{gateway.Password}")));
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new SmsGatewayException($"The gateway {gateway.Label} could not be reached ({ex.Message}). Is the phone online?");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var detail = await response.Content.ReadAsStringAsync(ct);
            throw new SmsGatewayException(response.StatusCode switch
            {
                System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden =>
                    $"The gateway {gateway.Label} refused the username or password.",
                _ => $"The gateway {gateway.Label} answered {(int)response.StatusCode}: {Short(detail)}",
            });
        }
    }

    static string Short(string s) => s.Length <= 200 ? s : s[..200] + "…";
}

public sealed class SmsGatewayException(string message) : Exception(message);
