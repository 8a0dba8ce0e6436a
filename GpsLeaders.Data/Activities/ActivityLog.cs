using System.Text.Json;

namespace GpsLeaders.Data.Activities;

/// <summary>
/// Adds the Activity row a use case leaves behind, in the same unit of work as the change itself.
/// Types are stable dotted strings (<c>user.signed_in</c>); the summary is one human sentence.
/// </summary>
public static class ActivityLog
{
    public static Activity Record(this CrmDbContext db, string type, string summary, object? detail = null,
        string? userId = null, string? leadId = null, string? companyId = null, string? contactId = null, DateTime? occurredAt = null)
    {
        var activity = New(type, summary, detail, userId, leadId, companyId, contactId, occurredAt);
        db.Activities.Add(activity);
        return activity;
    }

    /// <summary>The Activity without adding it: for bulk writers (the import) that COPY new rows instead of tracking them.</summary>
    public static Activity New(string type, string summary, object? detail = null,
        string? userId = null, string? leadId = null, string? companyId = null, string? contactId = null, DateTime? occurredAt = null)
    {
        return new Activity
        {
            ActivityType = type,
            Summary = summary,
            Detail = detail is null ? null : JsonSerializer.Serialize(detail),
            UserId = userId,
            LeadId = leadId,
            CompanyId = companyId,
            ContactId = contactId,
            OccurredAt = occurredAt ?? default, // default: stamped on save from the app clock
        };
    }
}
