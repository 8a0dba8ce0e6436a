namespace GpsLeaders.Data.Users;

/// <summary>Which roles may do what (product.md "Who uses it"); the web app turns these into policies.</summary>
public static class Roles
{
    /// <summary>Settings, users, jobs.</summary>
    public static readonly UserRole[] Admin = [UserRole.ADMIN, UserRole.NICK];

    /// <summary>Invoices, payments, fulfillment.</summary>
    public static readonly UserRole[] Finance = [UserRole.ADMIN, UserRole.NICK, UserRole.OPERATOR];

    /// <summary>Everyone who signs in to the web app. AI_AGENT seats use API tokens instead.</summary>
    public static readonly UserRole[] Staff = [UserRole.ADMIN, UserRole.NICK, UserRole.OPERATOR, UserRole.REP];

    public static string Label(UserRole role) => role switch
    {
        UserRole.ADMIN => "Admin",
        UserRole.NICK => "Owner",
        UserRole.OPERATOR => "Operator",
        UserRole.REP => "Sales rep",
        UserRole.AI_AGENT => "AI agent",
        _ => role.ToString(),
    };
}
