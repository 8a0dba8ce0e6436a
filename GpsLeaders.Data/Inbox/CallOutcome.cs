namespace GpsLeaders.Data.Inbox;

/// <summary>Result of a logged call. PostgreSQL enum type <c>"CallOutcome"</c>; members are its labels, in order.</summary>
public enum CallOutcome
{
    CONNECTED,
    NO_ANSWER,
    VOICEMAIL,
    BUSY,
    WRONG_NUMBER,
}
