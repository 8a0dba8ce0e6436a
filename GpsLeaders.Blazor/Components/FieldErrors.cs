using GpsLeaders.Data.Platform;

namespace GpsLeaders.Blazor.Components;

/// <summary>
/// A service's <see cref="ValidationFailedException"/> laid onto the form: each MudBlazor field asks for its own message
/// (<c>Error="_errors.Has("name")" ErrorText="@_errors["name"]"</c>), and <see cref="Unplaced"/> lists the messages
/// for keys no field on the form shows, so none is lost.
/// </summary>
public sealed class FieldErrors
{
    readonly IReadOnlyDictionary<string, string> _errors;
    readonly HashSet<string> _placed = new(StringComparer.Ordinal);

    public FieldErrors() : this(new Dictionary<string, string>()) { }
    public FieldErrors(IReadOnlyDictionary<string, string> errors) => _errors = errors;
    public FieldErrors(ValidationFailedException error) : this(error.Errors) { }

    public static FieldErrors None => new();

    public bool Any => _errors.Count > 0;

    public bool Has(string field)
    {
        _placed.Add(field);
        return _errors.ContainsKey(field);
    }

    public string? this[string field] => _errors.GetValueOrDefault(field);

    /// <summary>
    /// Messages for keys other than <paramref name="shown"/>, the fields the form shows. Prefer this to <see cref="Unplaced"/>
    /// when fields sit inside MudGrid / MudItem / MudStack: their content renders after the parent's markup, so on the first
    /// render after an error <see cref="Unplaced"/> still lists their messages.
    /// </summary>
    public IEnumerable<string> OtherThan(params string[] shown) => _errors.Where(e => Array.IndexOf(shown, e.Key) < 0).Select(e => e.Value);

    /// <summary>Messages whose field was never asked for by <see cref="Has"/> during this render.</summary>
    public IEnumerable<string> Unplaced => _errors.Where(e => !_placed.Contains(e.Key)).Select(e => e.Value);
}
