using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Contacts;

/// <summary>What a person types for a contact (form, inline on a new lead, an import row).</summary>
public sealed record ContactInput(
    string? FirstName,
    string? LastName,
    string? Email = null,
    string? Phone = null,
    string? PhoneType = "mobile",
    string? Title = null,
    string? Timezone = null,
    bool SmsOptedOut = false,
    string? CompanyId = null,
    string? LinkedinUrl = null,
    string? Source = null,
    string? Notes = null);

/// <summary>The email belongs to another contact already; the UI links to it.</summary>
public sealed class DuplicateContactException(string existingContactId, string existingName, string email)
    : ValidationFailedException(new Dictionary<string, string> { ["email"] = $"{email} already belongs to {existingName}." })
{
    public string ExistingContactId { get; } = existingContactId;
    public string ExistingName { get; } = existingName;
}

/// <summary>
/// The contact rules of every entry point: names, email normalisation, phone to E.164 (+1 assumed; an invalid
/// number is kept raw with no E.164, which the UI flags), line type and time zone from the number unless given,
/// SMS eligibility.
/// </summary>
public static class ContactRules
{
    public static readonly string[] PhoneTypes = ["mobile", "landline", "voip"];

    public static void Apply(Contact contact, ContactInput input, Validation check)
    {
        var first = Clean(input.FirstName);
        var last = Clean(input.LastName);
        var email = EmailAddress.Normalize(input.Email);
        var phone = Clean(input.Phone);
        if (first is null && last is null && email is null && phone is null)
            check.Add("firstName", "A contact needs a name, an email or a phone number.");
        if (email is not null && !LooksLikeEmail(email)) check.Add("email", $"'{input.Email!.Trim()}' is not a valid email address.");
        var phoneType = Clean(input.PhoneType)?.ToLowerInvariant();
        if (phoneType is not null && !PhoneTypes.Contains(phoneType)) check.Add("phoneType", $"Phone type must be one of {string.Join(", ", PhoneTypes)}.");
        var zone = Clean(input.Timezone);
        if (zone is not null && !IsTimeZone(zone)) check.Add("timezone", $"'{zone}' is not a known time zone (use an IANA name such as America/Chicago).");

        contact.FirstName = first;
        contact.LastName = last;
        contact.FullName = string.Join(' ', new[] { first, last }.Where(n => n is not null)) is { Length: > 0 } full ? full : null;
        contact.Title = Clean(input.Title);
        contact.Email = Clean(input.Email);
        contact.EmailNormalized = email;
        if (contact.Phone != phone) contact.PhoneVerifiedAt = null;
        contact.Phone = phone;
        var number = UsPhoneNumbers.Check(phone);
        contact.PhoneE164 = number.E164;
        // The number's own line type wins where the library knows it (a UK mobile, a toll-free line); most US numbers
        // are "fixed line or mobile" to it, and there the type the person chose stands.
        contact.PhoneType = number.PhoneType ?? phoneType;
        contact.Timezone = zone ?? number.TimeZone;
        contact.IsSmsEligible = contact.PhoneE164 is not null && contact.PhoneType == "mobile" && !input.SmsOptedOut;
        contact.CompanyId = Clean(input.CompanyId);
        contact.LinkedinUrl = Clean(input.LinkedinUrl);
        contact.Source ??= Clean(input.Source);
        contact.Notes = Clean(input.Notes);
    }

    public static string DisplayName(Contact c) => DisplayName(c.FullName, c.Email, c.Phone);

    /// <summary>The same name from a query's columns; a contact known only by a number is shown by it formatted, not as E.164.</summary>
    public static string DisplayName(string? fullName, string? email, string? phone) =>
        fullName ?? email ?? (string.IsNullOrWhiteSpace(phone) ? null : PhoneDisplay.Format(phone)) ?? "(no name)";

    static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static bool LooksLikeEmail(string email) =>
        System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    static bool IsTimeZone(string zone) => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);
}
