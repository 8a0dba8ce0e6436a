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
    /// Messages for every key except the named fields. Prefer it to <see cref="Unplaced"/> when the fields sit in another
    /// component's child content (a <c>MudGrid</c>, <c>MudItem</c>…): that content renders after the form's own markup, so
    /// when the form asks for <see cref="Unplaced"/> those fields have not asked for their messages yet.
    /// </summary>
    public IEnumerable<string> Except(params string[] fields) => _errors.Where(e => Array.IndexOf(fields, e.Key) < 0).Select(e => e.Value);

    /// <summary>Messages whose field was never asked for by <see cref="Has"/> during this render.</summary>
    public IEnumerable<string> Unplaced => _errors.Where(e => !_placed.Contains(e.Key)).Select(e => e.Value);
}
