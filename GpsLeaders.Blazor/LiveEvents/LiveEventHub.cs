using GpsLeaders.Data.LiveEvents;

namespace GpsLeaders.Blazor.LiveEvents;

/// <summary>
/// In-process fan-out of live events to subscribed components (circuits). Events only arrive here
/// through <see cref="LiveEventListener"/>, so local and remote publishes behave the same.
/// </summary>
public sealed class LiveEventHub(ILogger<LiveEventHub> log)
{
    readonly Lock _gate = new();
    ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public IDisposable Subscribe(Func<LiveEvent, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Add(handler);
        return new Subscription(this, handler);
    }

    public int SubscriberCount => _subscribers.Count;

    internal void Dispatch(LiveEvent evt)
    {
        foreach (var handler in _subscribers.Items)
            _ = InvokeAsync(handler, evt);
    }

    async Task InvokeAsync(Func<LiveEvent, Task> handler, LiveEvent evt)
    {
        try { await handler(evt); }
        catch (Exception ex) { log.LogWarning(ex, "Live event subscriber failed for {Type}", evt.Type); }
    }

    void Remove(Func<LiveEvent, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Remove(handler);
    }

    sealed class Subscription(LiveEventHub hub, Func<LiveEvent, Task> handler) : IDisposable
    {
        public void Dispose() => hub.Remove(handler);
    }

    /// <summary>Copy-on-write list: dispatch never holds the lock while handlers run.</summary>
    sealed record ImmutableSubscribers(Func<LiveEvent, Task>[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);
        public int Count => Items.Length;
        public ImmutableSubscribers Add(Func<LiveEvent, Task> h) => new([.. Items, h]);
        public ImmutableSubscribers Remove(Func<LiveEvent, Task> h) => new(Items.Where(x => x != h).ToArray());
    }
}
