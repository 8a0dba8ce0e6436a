using GpsLeaders.Data.Inbox;

namespace GpsLeaders.Blazor.Dialer;

/// <summary>What the dialer can be told from the keyboard.</summary>
public enum DialerCommand { ChooseOutcome, ToggleDrop, FocusNote, PickTag, NextChoice, PreviousChoice, Callback, Skip, Dial, HangUp, Save, LeaveField }

public sealed record DialerShortcut(DialerCommand Command, CallOutcome? Outcome = null);

/// <summary>
/// One key press as the page saw it (app.js <c>crm.dialerKeys</c> reports it): the key, the modifiers, and whether focus
/// was in a text field or on a button or link.
/// </summary>
public sealed record DialerKeyPress(string Key, bool Ctrl = false, bool Meta = false, bool Alt = false, bool InField = false, bool OnButton = false);

/// <summary>
/// The dialer's key map, in one place: 1–5 outcomes, V voicemail drop, N note, T tag, C callback, S skip, D dial,
/// H hang up (stops the call timer), Enter save &amp; next (or, in the tag list T opened, the tag under the arrows). Keys typed in a field are text, not shortcuts, except Ctrl+Enter (save from the field) and Esc
/// (leave the field); Enter on a focused button clicks that button instead.
/// </summary>
public static class DialerKeyMap
{
    /// <summary>The order of the outcome keys 1–5.</summary>
    public static readonly CallOutcome[] Outcomes = [CallOutcome.CONNECTED, CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL, CallOutcome.BUSY, CallOutcome.WRONG_NUMBER];

    /// <summary>The only keys the page reports; anything else never leaves the browser.</summary>
    public static readonly string[] Keys = ["1", "2", "3", "4", "5", "v", "n", "t", "c", "s", "d", "h", "ArrowDown", "ArrowUp", "Enter", "Escape"];

    public static DialerShortcut? Resolve(DialerKeyPress press)
    {
        if (press.Key == "Enter" && (press.Ctrl || press.Meta)) return new(DialerCommand.Save);
        if (press.InField) return press.Key == "Escape" ? new(DialerCommand.LeaveField) : null;
        if (press.Ctrl || press.Meta || press.Alt) return null;
        return press.Key switch
        {
            "1" or "2" or "3" or "4" or "5" => new(DialerCommand.ChooseOutcome, Outcomes[press.Key[0] - '1']),
            "v" => new(DialerCommand.ToggleDrop),
            "n" => new(DialerCommand.FocusNote),
            "t" => new(DialerCommand.PickTag),
            "c" => new(DialerCommand.Callback),
            "s" => new(DialerCommand.Skip),
            "d" => new(DialerCommand.Dial),
            "h" => new(DialerCommand.HangUp),
            // The arrows only mean something while the tag list (T) is open; Esc closes it.
            "ArrowDown" => new(DialerCommand.NextChoice),
            "ArrowUp" => new(DialerCommand.PreviousChoice),
            "Escape" => new(DialerCommand.LeaveField),
            "Enter" when !press.OnButton => new(DialerCommand.Save),
            _ => null,
        };
    }
}
