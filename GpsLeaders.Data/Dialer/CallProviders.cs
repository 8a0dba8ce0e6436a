namespace GpsLeaders.Data.Dialer;

/// <summary>How the dialer places a call: the link the call button opens. A softphone (click-to-call) plugs in here.</summary>
public interface ICallProvider
{
    /// <summary>Stored as call_logs.provider.</summary>
    string Name { get; }

    /// <summary>The href of the call button for <paramref name="phone"/> (E.164 when known), or null when it cannot be dialled.</summary>
    string? CallLink(string? phone);
}

/// <summary>The default: a <c>tel:</c> link, which the rep's desk phone app, softphone or mobile picks up.</summary>
public sealed class TelLinkCallProvider : ICallProvider
{
    public string Name => "dialer";

    public string? CallLink(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return digits.Length == 0 ? null : "tel:" + digits;
    }
}
