using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Leads;

/// <summary>
/// Who reads or changes leads through the leads list. A rep works their own leads: those of the companies assigned to
/// them; admins, the owner and operators see every lead. The list and its bulk actions apply this inside their queries,
/// so a lead the viewer may not see answers like one that does not exist.
/// </summary>
public sealed record LeadViewer(string UserId, UserRole Role)
{
    /// <summary>Listed roles only: a role added later starts restricted rather than seeing every lead.</summary>
    public bool SeesEveryLead => Role is UserRole.ADMIN or UserRole.NICK or UserRole.OPERATOR;
}

public static class LeadVisibility
{
    public static IQueryable<Lead> VisibleTo(this IQueryable<Lead> leads, LeadViewer viewer) =>
        viewer.SeesEveryLead ? leads : leads.Where(l => l.Company != null && l.Company.AssignedRepId == viewer.UserId);
}
