namespace GpsLeaders.Data.Inbox;

/// <summary>Direction of a communication (email / SMS / call). PostgreSQL enum type <c>"MessageDirection"</c>; members are its labels, in order.</summary>
public enum MessageDirection
{
    INBOUND,
    OUTBOUND,
}
