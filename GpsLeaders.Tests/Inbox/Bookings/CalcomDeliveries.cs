using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GpsLeaders.Data.Inbox.Bookings;

namespace GpsLeaders.Tests.Inbox.Bookings;

/// <summary>Cal.com webhook deliveries as Cal.com sends them: the envelope, signed with the shared secret over the exact bytes.</summary>
internal static class CalcomDeliveries
{
    public const string Secret = "test-calcom-secret-0123456789";

    public static string Envelope(string trigger, string uid, DateTime startUtc, string email, string name = "Jamie Booker",
        string? rescheduleUid = null, string? cancellationReason = null, string? videoUrl = "https://cal.example.com/video/abc",
        string title = "GPS tracking demo", DateTime? createdAt = null) =>
        JsonSerializer.Serialize(new
        {
            triggerEvent = trigger,
            createdAt = (createdAt ?? DateTime.UtcNow).ToString("O"),
            payload = new
            {
                uid,
                bookingId = 4242,
                type = "demo-15",
                title,
                startTime = startUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
                endTime = startUtc.AddMinutes(15).ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
                organizer = new { name = "Marcus Reed", email = "rep1@gpsleaders.test", timeZone = "America/Chicago" },
                attendees = new[] { new { name, email, timeZone = "America/New_York", phoneNumber = (string?)null } },
                responses = new { notes = "Fleet of 12 vans" },
                location = "integrations:daily",
                metadata = new { videoCallUrl = videoUrl },
                status = trigger == "BOOKING_CANCELLED" ? "CANCELLED" : "ACCEPTED",
                rescheduleUid,
                cancellationReason,
            },
        });

    /// <summary>POSTs <paramref name="json"/> with the signature of <paramref name="signWith"/> (none when null).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string? signWith = Secret)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signWith is not null) content.Headers.Add(CalcomWebhook.SignatureHeader, CalcomWebhook.Sign(body, signWith));
        return await client.PostAsync("/webhooks/calcom", content);
    }
}
