namespace GpsLeaders.Data.Platform;

/// <summary>An entity with a <c>created_at</c> column; CrmDbContext fills it on insert if unset.</summary>
public interface IHasCreatedAt
{
    DateTime CreatedAt { get; set; }
}

/// <summary>
/// An entity with Prisma's <c>@updatedAt</c> column, set by CrmDbContext on every save.
/// These entities also carry <c>uint Version</c> mapped to xmin for optimistic concurrency.
/// </summary>
public interface IHasUpdatedAt
{
    DateTime UpdatedAt { get; set; }
    uint Version { get; set; }
}
