namespace GpsLeaders.Data.Inbox;

/// <summary>Use of a MessageTemplate. PostgreSQL enum type <c>"TemplateCategory"</c>; members are its labels, in order.</summary>
public enum TemplateCategory
{
    SEQUENCE,
    CANNED,
}
