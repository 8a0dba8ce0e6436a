using System.Net;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>Makes an email's HTML body safe to show inside the CRM page.</summary>
public static class EmailHtml
{
    // Placeholder until the allow-list sanitizer lands: showing the markup as text is always safe.
    public static string Sanitize(string? html) => WebUtility.HtmlEncode(html ?? "");
}
