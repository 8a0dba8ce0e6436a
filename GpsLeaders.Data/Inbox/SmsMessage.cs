using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox;

/// <summary>A single SMS message, inbound or outbound, optionally tied to a lead and/or contact. Table <c>sms_messages</c>.</summary>
public class SmsMessage : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? LeadId { get; set; }
    public string? ContactId { get; set; }
    public MessageDirection Direction { get; set; }
    public string FromNumber { get; set; } = null!;
    public string ToNumber { get; set; } = null!;
    public string Body { get; set; } = null!;
    public string Provider { get; set; } = "android_gateway";
    public string? ProviderMessageId { get; set; }
    public SmsStatus Status { get; set; } = SmsStatus.QUEUED;
    public DateTime? SentAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public Lead? Lead { get; set; }
    public Contact? Contact { get; set; }
}
