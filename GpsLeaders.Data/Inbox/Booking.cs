using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox;

/// <summary>A scheduled meeting, synced from Cal.com (self-hosted at book.trygpsleaders.com). Table <c>bookings</c>.</summary>
public class Booking : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string CalBookingUid { get; set; } = null!;
    public string? LeadId { get; set; }
    public string? ContactId { get; set; }
    public string AttendeeEmail { get; set; } = null!;
    public string? AttendeeName { get; set; }
    public string EventTypeSlug { get; set; } = null!;
    public string EventTypeTitle { get; set; } = null!;
    public DateTime StartAt { get; set; }
    public DateTime EndAt { get; set; }
    public BookingStatus Status { get; set; } = BookingStatus.SCHEDULED;
    public string? MeetingUrl { get; set; }
    public string? RescheduleUrl { get; set; }
    public string? CancelUrl { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>JSON document, stored as jsonb.</summary>
    public string? RawPayload { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Lead? Lead { get; set; }
    public Contact? Contact { get; set; }
}
