namespace GpsLeaders.Data.Inbox;

/// <summary>Channel of a MessageTemplate. PostgreSQL enum type <c>"TemplateChannel"</c>; members are its labels, in order.</summary>
public enum TemplateChannel
{
    EMAIL,
    SMS,
}
