using Microsoft.Extensions.Configuration;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>
/// Where Gmail lives and who the CRM is to Google (configuration section <c>Gmail</c>). The URLs are settable so that
/// tests and staging can point them at a fake.
/// </summary>
public sealed class GmailOptions
{
    public string ApiBaseUrl { get; init; } = "https://gmail.googleapis.com";
    public string TokenUrl { get; init; } = "https://oauth2.googleapis.com/token";
    public string AuthUrl { get; init; } = "https://accounts.google.com/o/oauth2/v2/auth";
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }

    /// <summary>How far back the first sync of a new account (or one whose history id expired) looks.</summary>
    public int FirstSyncDays { get; init; } = 7;

    public const string SendScope = "https://www.googleapis.com/auth/gmail.send";
    public const string ReadScope = "https://www.googleapis.com/auth/gmail.readonly";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>The <c>Gmail</c> section, defaults for what it leaves out (and all defaults when there is no configuration).</summary>
    public static GmailOptions From(IConfiguration? config)
    {
        var section = config?.GetSection("Gmail");
        var defaults = new GmailOptions();
        return new GmailOptions
        {
            ApiBaseUrl = Value(section, "ApiBaseUrl") ?? defaults.ApiBaseUrl,
            TokenUrl = Value(section, "TokenUrl") ?? defaults.TokenUrl,
            AuthUrl = Value(section, "AuthUrl") ?? defaults.AuthUrl,
            ClientId = Value(section, "ClientId"),
            ClientSecret = Value(section, "ClientSecret"),
            FirstSyncDays = int.TryParse(Value(section, "FirstSyncDays"), out var days) && days > 0 ? days : defaults.FirstSyncDays,
        };
    }

    static string? Value(IConfigurationSection? section, string key) => section?[key] is { Length: > 0 } v ? v.Trim() : null;
}
