namespace GpsLeaders.Data.Contacts;

/// <summary>Email folding for <c>contacts.email_normalized</c> (unique): trimmed and lower-cased, nothing cleverer.</summary>
public static class EmailAddress
{
    /// <summary>Null for null or blank input, otherwise the trimmed, invariant lower-case address.</summary>
    public static string? Normalize(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
