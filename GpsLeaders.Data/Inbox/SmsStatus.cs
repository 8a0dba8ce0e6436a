namespace GpsLeaders.Data.Inbox;

/// <summary>Delivery status of an SmsMessage. PostgreSQL enum type <c>"SmsStatus"</c>; members are its labels, in order.</summary>
public enum SmsStatus
{
    QUEUED,
    SENT,
    DELIVERED,
    FAILED,
}
