using GpsLeaders.Blazor.Components;
using GpsLeaders.Blazor.Platform;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tags;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace GpsLeaders.Blazor.Dialer;

/// <summary>The power dialer on one call list: thin over <see cref="DialerSession"/>; the form state is the only thing kept here.</summary>
public partial class DialerPage
{
    [Parameter] public string ListId { get; set; } = "";
    [CascadingParameter] Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] DialerSession Session { get; set; } = default!;
    [Inject] DialerSettings Settings { get; set; } = default!;
    [Inject] DialerStats StatsService { get; set; } = default!;
    [Inject] LeadLease Leases { get; set; } = default!;
    [Inject] ICallProvider CallProvider { get; set; } = default!;
    [Inject] DialerCircuit Circuit { get; set; } = default!;
    [Inject] VoicemailDropService Drops { get; set; } = default!;
    [Inject] TagCatalog Tags { get; set; } = default!;
    [Inject] ViewerTime Viewer { get; set; } = default!;
    [Inject] TimeProvider Clock { get; set; } = default!;
    [Inject] IJSRuntime JS { get; set; } = default!;

    DialerStep? _step;
    DialerPolicy _policy = DialerPolicy.Default;
    SessionStats? _stats;
    string _userId = "";
    string? _missing;
    List<VoicemailDrop> _drops = [];
    List<Tag> _tags = [];
    bool _busy, _leaseLost, _keysReady;
    FieldErrors _errors = FieldErrors.None;

    // The form for the current lead.
    CallOutcome? _outcome;
    bool _drop, _callback;
    string? _dropId, _tag, _note, _lostReason;
    int? _duration;
    int? _tagCursor; // the open tag list's highlighted row; null while closed // talk time in seconds: measured at hang-up, the rep may correct it
    LeadStage? _stage;
    DateTime _callbackAt;
    DateTime? _callStarted, _callEnded, _leaseRenewed;

    Timer? _ticker;
    DotNetObjectReference<DialerPage>? _self;
    IJSObjectReference? _keys;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthState).User.UserId() ?? "";
        _drops = await Drops.ListAsync(); // the default drop sorts first
        _tags = (await Tags.ActiveAsync()).Where(t => t.Category == TagCategory.DISPOSITION).ToList();
        _policy = await Settings.PolicyAsync();
        // Leases and positions are only taken by the interactive circuit, not by the prerender pass.
        if (!RendererInfo.IsInteractive) return;
        try { Show(await Session.ResumeAsync(ListId, _userId)); }
        catch (ValidationFailedException ex) { _missing = ex.Errors.Values.First(); }
        await LoadStatsAsync();
        _ticker = new Timer(_ => InvokeAsync(TickAsync), null, 1000, 1000);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive) return;
        _self = DotNetObjectReference.Create(this);
        _keys = await JS.InvokeAsync<IJSObjectReference>("crm.dialerKeys", _self, DialerKeyMap.Keys);
        // The key help shows once the keys work: before this a pressed key went nowhere.
        _keysReady = true;
        StateHasChanged();
    }

    void Show(DialerStep step)
    {
        _step = step;
        Circuit.Count(step.Skipped);
        (_outcome, _drop, _callback, _tag, _tagCursor, _note, _stage, _lostReason, _leaseLost) = (null, false, false, null, null, null, null, null, false);
        _dropId = _drops.FirstOrDefault()?.Id; // the default drop sorts first
        _callbackAt = Viewer.Local(Clock.GetUtcNow().UtcDateTime).Date.AddDays(1).AddHours(10);
        (_callStarted, _callEnded, _leaseRenewed, _duration) = (null, null, Clock.GetUtcNow().UtcDateTime, null);
        _errors = FieldErrors.None;
    }

    async Task LoadStatsAsync() => _stats = await StatsService.SessionAsync(_userId, Circuit.SessionStartUtc);

    string Timer => _callStarted is { } start ? Format((_callEnded ?? Clock.GetUtcNow().UtcDateTime) - start) : "0:00";

    static string Format(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";

    bool CallRunning => _callStarted is not null && _callEnded is null;

    void StartCall() => (_callStarted, _callEnded, _duration) = (Clock.GetUtcNow().UtcDateTime, null, null);

    /// <summary>The rep ends the call (H or the button): the timer stops and its reading becomes the editable talk time.</summary>
    void StopCall()
    {
        if (!CallRunning) return;
        _callEnded = Clock.GetUtcNow().UtcDateTime;
        _duration = Measured();
    }

    /// <summary>Each second while a call runs: the timer moves, and the lease is renewed (a long call is not walking away).</summary>
    async Task TickAsync()
    {
        // At the end with leads waiting: the first one's time has come, so look again (once; a miss waits for the next time).
        if (_step is { Lead: null, NextCallableAtUtc: { } due } && due <= Clock.GetUtcNow().UtcDateTime && !_busy)
        {
            await CheckAgainAsync();
            StateHasChanged();
            return;
        }
        if (_callStarted is null || _callEnded is not null) return;
        await RenewAsync();
        StateHasChanged();
    }

    /// <summary>Activity keeps the lead leased; renewals are at most every 30 seconds.</summary>
    async Task RenewAsync()
    {
        if (_step?.Lead is not { } card || _leaseRenewed > Clock.GetUtcNow().UtcDateTime.AddSeconds(-30)) return;
        _leaseRenewed = Clock.GetUtcNow().UtcDateTime;
        _leaseLost = !await Leases.TryTakeAsync(card.LeadId, ListId, _userId);
    }

    async Task ChooseAsync(CallOutcome outcome)
    {
        _outcome = outcome;
        if (outcome != CallOutcome.VOICEMAIL) _drop = false;
        // Reps pick the outcome while still talking: only hanging up (or saving) ends the call.
        await RenewAsync();
    }

    async Task ToggleDropAsync(bool on)
    {
        _drop = on && _dropId is not null;
        if (_drop) _outcome = CallOutcome.VOICEMAIL; // a dropped voicemail is a voicemail call
        await RenewAsync();
    }

    int? Measured() => _callStarted is { } start ? (int)((_callEnded ?? Clock.GetUtcNow().UtcDateTime) - start).TotalSeconds : null;

    /// <summary>What is saved: the running timer's reading when the rep saves mid-call, else the (possibly corrected) field.</summary>
    int? Duration()
    {
        if (!CallRunning) return _duration;
        var seconds = Measured()!.Value;
        // Only a connected call can run past 10 minutes: an unanswered one left ringing is counted as 10.
        return _outcome == CallOutcome.CONNECTED ? seconds : Math.Min(seconds, 600);
    }

    async Task SaveAsync()
    {
        if (_busy || _step?.Lead is not { } card) return;
        if (_outcome is not { } outcome) { _errors = new FieldErrors(new Dictionary<string, string> { ["outcome"] = "Pick an outcome first (keys 1–5)." }); return; }
        _busy = true;
        try
        {
            var call = new DialerCall(outcome, Duration(), _drop ? _dropId : null, _tag, _note, _callback ? Viewer.ToUtc(_callbackAt) : null,
                _stage, _lostReason, CallProvider.Name);
            var (_, next) = await Session.SaveAndNextAsync(ListId, _userId, card.LeadId, _step.Index, call);
            Show(next);
            await LoadStatsAsync();
        }
        catch (ValidationFailedException ex) { _errors = new FieldErrors(ex); }
        finally { _busy = false; }
    }

    async Task SkipAsync()
    {
        if (_busy || _step?.Lead is not { } card) return;
        _busy = true;
        try { Show(await Session.SkipAsync(ListId, _userId, card.LeadId, _step.Index)); }
        finally { _busy = false; }
    }

    /// <summary>The end of the list with leads waiting: look again now (hours widened, a rep let go).</summary>
    async Task CheckAgainAsync()
    {
        if (_busy) return;
        _busy = true;
        try { Show(await Session.ResumeAsync(ListId, _userId)); }
        finally { _busy = false; }
    }

    async Task RestartAsync()
    {
        if (_busy) return;
        _busy = true;
        try { Show(await Session.RestartAsync(ListId, _userId, _step?.Lead?.LeadId)); }
        finally { _busy = false; }
    }

    /// <summary>"Next callable lead at 9:00 AM your time (in 42 min)": the rep's clock, not the contact's.</summary>
    string NextCallableText(DateTime? utc)
    {
        if (utc is not { } at) return "Check again later.";
        var wait = at - Clock.GetUtcNow().UtcDateTime;
        var local = Viewer.Local(at);
        var day = local.Date == Viewer.Local(Clock.GetUtcNow().UtcDateTime).Date ? "" : local.ToString("ddd ");
        var inText = wait.TotalMinutes < 1 ? "any moment" : wait.TotalHours < 1 ? $"in {(int)Math.Ceiling(wait.TotalMinutes)} min"
            : $"in {(int)wait.TotalHours} h {wait.Minutes} min";
        return $"Next callable lead at {day}{local:h:mm tt} your time ({inText}).";
    }

    string DropName(string? id) => _drops.FirstOrDefault(d => d.Id == id) is { } d ? $"{d.Name} ({d.DurationSeconds} s)" : "";

    string TagName(string? slug) => _tags.FirstOrDefault(t => t.Slug == slug)?.Name ?? "";

    /// <summary>T: the tag list opens on the chosen tag (or the first one).</summary>
    void OpenTagPicker()
    {
        if (_tags.Count == 0) return;
        _tagCursor = Math.Max(0, _tags.FindIndex(t => t.Slug == _tag));
    }

    void MoveTagCursor(int by)
    {
        if (_tagCursor is { } at) _tagCursor = Math.Clamp(at + by, 0, _tags.Count - 1);
    }

    void ChooseTag(string slug) => (_tag, _tagCursor) = (slug, null);

    /// <summary>A key pressed on the page (app.js <c>crm.dialerKeys</c>); <see cref="DialerKeyMap"/> says what it means.</summary>
    [JSInvokable]
    public async Task OnKeyAsync(DialerKeyPress press)
    {
        if (_step?.Lead is null || DialerKeyMap.Resolve(press) is not { } shortcut) return;
        // While the tag list is open its keys are the arrows, Enter (pick) and Esc (close); the others close it and act.
        if (_tagCursor is { } cursor && !press.InField)
        {
            switch (shortcut.Command)
            {
                case DialerCommand.NextChoice: MoveTagCursor(1); StateHasChanged(); return;
                case DialerCommand.PreviousChoice: MoveTagCursor(-1); StateHasChanged(); return;
                case DialerCommand.Save when !press.Ctrl && !press.Meta: ChooseTag(_tags[cursor].Slug); StateHasChanged(); return;
                case DialerCommand.LeaveField: _tagCursor = null; StateHasChanged(); return;
            }
            _tagCursor = null;
        }
        switch (shortcut.Command)
        {
            case DialerCommand.ChooseOutcome: await ChooseAsync(shortcut.Outcome!.Value); break;
            case DialerCommand.ToggleDrop: await ToggleDropAsync(!_drop); break;
            case DialerCommand.FocusNote: await JS.InvokeVoidAsync("crm.focus", "#dialer-note"); break;
            case DialerCommand.PickTag: OpenTagPicker(); break;
            case DialerCommand.Callback:
                _callback = true;
                StateHasChanged(); // the time field is enabled before it takes focus
                await Task.Yield();
                await JS.InvokeVoidAsync("crm.focus", "#dialer-callback-at");
                break;
            case DialerCommand.Skip: await SkipAsync(); break;
            // What the call button does: the timer starts and the tel: link goes to the phone app (through a hidden frame,
            // so the page itself never navigates).
            case DialerCommand.Dial:
                StartCall();
                await JS.InvokeVoidAsync("crm.dial", "[data-testid=dialer-call]");
                break;
            // The page has already left the field (app.js); blurring again here could take focus from the next field.
            case DialerCommand.LeaveField: break;
            case DialerCommand.HangUp: StopCall(); break;
            case DialerCommand.Save:
                // Leaving the field first lets a field that commits on change hand over its value before the save reads it.
                if (press.InField) await JS.InvokeVoidAsync("crm.blurActive");
                await SaveAsync();
                break;
        }
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        if (_ticker is not null) await _ticker.DisposeAsync();
        if (_keys is not null)
        {
            try { await _keys.InvokeVoidAsync("dispose"); await _keys.DisposeAsync(); }
            catch (JSDisconnectedException) { }
        }
        _self?.Dispose();
        // Leaving the screen gives the lead back at once instead of after the lease runs out.
        if (_step?.Lead is { } card) await Leases.ReleaseAsync(card.LeadId, _userId);
    }
}
