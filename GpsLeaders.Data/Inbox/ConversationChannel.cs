namespace GpsLeaders.Data.Inbox;

/// <summary>Channel of a unified-inbox Conversation. PostgreSQL enum type <c>"ConversationChannel"</c>; members are its labels, in order.</summary>
public enum ConversationChannel
{
    SMS,
    EMAIL,
    CALL,
}
