using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Sms;

/// <summary>Settings → SMS gateways → Test send: one text through one gateway, outside any conversation.</summary>
public sealed class SmsGatewayTest(IDbContextFactory<CrmDbContext> dbs, SmsGatewayService gateways, SmsGatewayClient client)
{
    public async Task<(bool Ok, string Message)> SendAsync(string gatewayId, string? to, string? text, CancellationToken ct = default)
    {
        var e164 = UsPhoneNumbers.ToE164(to);
        if (e164 is null) return (false, $"'{to}' is not a valid phone number.");
        if (string.IsNullOrWhiteSpace(text)) return (false, "Type a text to send.");
        var gateway = await gateways.CredentialsAsync(gatewayId, ct);
        if (gateway is null) return (false, "That gateway no longer exists.");
        try
        {
            await client.SendAsync(gateway, e164, text.Trim(), "test-" + Guid.NewGuid().ToString("N"), ct);
        }
        catch (SmsGatewayException ex) { return (false, ex.Message); }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Record("sms_gateway.tested", $"Test SMS sent through {gateway.Label} to {PhoneDisplay.Format(e164)}.", new { gatewayId, to = e164 });
        await db.SaveChangesAsync(ct);
        return (true, $"Accepted by {gateway.Label}. Check the phone at {PhoneDisplay.Format(e164)}.");
    }
}
