namespace GpsLeaders.Data.Platform;

/// <summary>
/// Someone else saved the same row (its <c>xmin</c> moved) between this user's read and write. Services turn
/// EF Core's DbUpdateConcurrencyException into this so every screen tells the user the same thing.
/// </summary>
public sealed class ConcurrencyConflictException(string what)
    : Exception($"Someone else changed this {what} after you opened it. Reload to see their changes, then make yours again.")
{
    public string What { get; } = what;
}
