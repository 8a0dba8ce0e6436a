using GpsLeaders.Data.LiveEvents;
using Microsoft.AspNetCore.Components;

namespace GpsLeaders.Blazor.LiveEvents;

/// <summary>
/// The one way a component stays live: inherit it (<c>@inherits LiveComponentBase</c>) and, in <c>OnInitialized(Async)</c>
/// after the first read, call <see cref="RefreshOn(Func{Task}, string[])"/> with the read and the event types that can
/// change what it shows. Bursts of events coalesce into a few re-reads (<see cref="RefreshCoalescer"/>), each run on the
/// renderer's context and followed by a render; the subscriptions end with the component. Prerendering subscribes to
/// nothing: that pass is read once and thrown away.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    [Inject] LiveEventHub Hub { get; set; } = default!;

    readonly List<IDisposable> _subscriptions = [];
    volatile bool _disposed;

    /// <summary>Re-runs <paramref name="reload"/> (then renders) after any event of one of <paramref name="eventTypes"/>.</summary>
    protected void RefreshOn(Func<Task> reload, params string[] eventTypes) =>
        RefreshWhen(evt => Array.IndexOf(eventTypes, evt.Type) >= 0, reload);

    /// <summary>Re-runs <paramref name="reload"/> (then renders) after every live event, whatever it is (dashboards).</summary>
    protected void RefreshOnAny(Func<Task> reload) => RefreshWhen(_ => true, reload);

    /// <summary>Re-runs <paramref name="reload"/> (then renders) after each event that <paramref name="when"/> accepts.</summary>
    protected void RefreshWhen(Func<LiveEvent, bool> when, Func<Task> reload)
    {
        if (!RendererInfo.IsInteractive || _disposed) return;
        var coalescer = new RefreshCoalescer(() => _disposed ? Task.CompletedTask : InvokeAsync(async () =>
        {
            if (_disposed) return;
            await reload();
            StateHasChanged();
        }));
        var subscription = Hub.Subscribe(evt => !_disposed && when(evt) ? coalescer.RequestAsync() : Task.CompletedTask);
        lock (_subscriptions) _subscriptions.Add(subscription);
    }

    /// <summary>Override to release more; call the base.</summary>
    public virtual void Dispose()
    {
        _disposed = true;
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Dispose();
            _subscriptions.Clear();
        }
        GC.SuppressFinalize(this);
    }
}
