namespace GpsLeaders.Data.Inbox;

/// <summary>State of a Booking. PostgreSQL enum type <c>"BookingStatus"</c>; members are its labels, in order.</summary>
public enum BookingStatus
{
    SCHEDULED,
    RESCHEDULED,
    CANCELLED,
}
