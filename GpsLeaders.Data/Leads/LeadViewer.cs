using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Leads;

/// <summary>
/// Who reads or changes leads through the leads list. Staff see every lead (product.md: reps see everything CRM; a
/// rep's list only opens on their own); an AI agent seat sees none here, its access is the agent API's. The list and its
/// bulk actions apply this inside their queries, so a lead the viewer may not see answers like one that does not exist.
/// </summary>
public sealed record LeadViewer(string UserId, UserRole Role)
{
    /// <summary>Listed roles only: a role added later starts with no leads rather than every lead.</summary>
    public bool SeesEveryLead => Role is UserRole.ADMIN or UserRole.NICK or UserRole.OPERATOR or UserRole.REP;
}

public static class LeadVisibility
{
    public static IQueryable<Lead> VisibleTo(this IQueryable<Lead> leads, LeadViewer viewer) =>
        viewer.SeesEveryLead ? leads : leads.Where(l => false);
}
