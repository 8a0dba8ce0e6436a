namespace GpsLeaders.Tests.Infrastructure;

/// <summary>Polls for an outcome that arrives asynchronously (a live event, a scheduled job), failing after a deadline.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "the expected outcome"}.");
            await Task.Delay(100);
        }
    }
}
