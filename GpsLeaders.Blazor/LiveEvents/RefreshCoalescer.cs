namespace GpsLeaders.Blazor.LiveEvents;

/// <summary>
/// Turns a burst of live events into few re-reads: while a refresh runs, further requests only mark it dirty, and
/// one more refresh follows after a short pause. Under a storm of inbound texts a page re-reads a few times a second
/// instead of once per message, and a lone event is still shown at once.
/// </summary>
public sealed class RefreshCoalescer(Func<Task> refresh, TimeSpan? pause = null)
{
    readonly TimeSpan _pause = pause ?? TimeSpan.FromMilliseconds(150);
    int _state; // 0 idle, 1 running, 2 running and dirty

    public async Task RequestAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            Interlocked.Exchange(ref _state, 2);
            return;
        }
        while (true)
        {
            try { await refresh(); }
            catch
            {
                // A failed re-read must not leave the gate shut: the next event tries again.
                Interlocked.Exchange(ref _state, 0);
                throw;
            }
            if (Interlocked.CompareExchange(ref _state, 0, 1) == 1) return;
            Interlocked.Exchange(ref _state, 1);
            await Task.Delay(_pause);
        }
    }
}
