namespace GpsLeaders.Data.Activities;

/// <summary>Reading one field of an activity's jsonb detail inside a query (registered in <see cref="CrmDbContext"/>).</summary>
public static class ActivityDetail
{
    /// <summary>PostgreSQL's <c>jsonb_extract_path_text(detail, key)</c>: the field as text, null when absent.</summary>
    public static string? Field(string? detail, string key) =>
        throw new NotSupportedException("ActivityDetail.Field runs only inside a database query.");
}
