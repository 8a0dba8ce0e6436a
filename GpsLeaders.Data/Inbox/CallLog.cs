using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox;

/// <summary>A record of a phone call — inbound or outbound — with outcome, duration, notes, optional recording URL and transcript, and a voicemail-drop flag. Table <c>call_logs</c>.</summary>
public class CallLog : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? LeadId { get; set; }
    public string? ContactId { get; set; }
    public MessageDirection Direction { get; set; }
    public int? DurationSeconds { get; set; }
    public CallOutcome Outcome { get; set; }
    public string? Notes { get; set; }
    public string? RecordingUrl { get; set; }
    public string? Transcript { get; set; }
    public bool VoicemailDropped { get; set; }
    public string Provider { get; set; } = "manual";
    public DateTime CreatedAt { get; set; }

    public Lead? Lead { get; set; }
    public Contact? Contact { get; set; }
}
