namespace GpsLeaders.Data.Platform;

/// <summary>
/// A use case refused its input. Each error names the field (or row) it is about, so the UI, imports,
/// webhooks and the API can all show the same message next to the right thing.
/// </summary>
public class ValidationFailedException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}")))
{
    public ValidationFailedException(string field, string message) : this(new Dictionary<string, string> { [field] = message }) { }

    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>Collects field errors while a use case checks its input, then throws them all at once.</summary>
public sealed class Validation
{
    readonly Dictionary<string, string> _errors = new();

    public Validation Require(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label} is required.");
        return this;
    }

    public Validation Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    public bool HasErrors => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (HasErrors) throw new ValidationFailedException(new Dictionary<string, string>(_errors));
    }
}
