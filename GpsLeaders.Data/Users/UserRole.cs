namespace GpsLeaders.Data.Users;

/// <summary>Role of a user/actor. Includes AI_AGENT so a "user" can be a non-human seat. PostgreSQL enum type <c>"UserRole"</c>; members are its labels, in order.</summary>
public enum UserRole
{
    ADMIN,
    REP,
    OPERATOR,
    NICK,
    AI_AGENT,
}
