using System.Net;
using System.Text;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>
/// Makes an email's HTML body safe to show inside the CRM page: an allow-list of formatting tags and attributes,
/// everything else dropped (dangerous containers with their content, unknown tags keeping their text). The output is
/// re-serialised from scratch (every value re-encoded, every element closed), so no input markup passes through as-is.
/// </summary>
public static class EmailHtml
{
    static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup", "ul", "ol", "li", "blockquote",
        "a", "img", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "code", "hr",
    };

    static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "hr", "img" };

    // Parsed as raw text by browsers: nothing inside is markup, so skip straight to the matching end tag.
    static readonly HashSet<string> RawTextDropped = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "iframe", "noembed", "noframes", "noscript", "xmp",
    };

    // Dropped with everything inside them (nested markup is skipped, counting same-name nesting).
    static readonly HashSet<string> ContainerDropped = new(StringComparer.Ordinal)
    {
        "object", "form", "svg", "math", "template", "select", "button", "applet", "frameset", "head", "audio", "video",
    };

    static readonly Dictionary<string, string[]> Attributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href", "title"],
        ["img"] = ["src", "alt", "title", "width", "height"],
        ["table"] = ["border", "cellpadding", "cellspacing", "width"],
        ["td"] = ["colspan", "rowspan", "align", "valign", "width"],
        ["th"] = ["colspan", "rowspan", "align", "valign", "width"],
        ["ol"] = ["start"],
    };

    /// <summary>Safe, well-formed HTML for <paramref name="html"/> (empty for null).</summary>
    public static string Sanitize(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var output = new StringBuilder(html.Length);
        var open = new List<string>();
        foreach (var token in HtmlTokens.Read(html))
        {
            switch (token.Kind)
            {
                case HtmlTokenKind.Text:
                    output.Append(WebUtility.HtmlEncode(token.Text));
                    break;
                case HtmlTokenKind.StartTag when Allowed.Contains(token.Name):
                    CloseImplied(output, open, token.Name);
                    WriteStartTag(output, token);
                    if (!Void.Contains(token.Name)) open.Add(token.Name);
                    break;
                case HtmlTokenKind.EndTag when open.LastIndexOf(token.Name) is var at and >= 0:
                    // Closing an outer element closes whatever was left open inside it.
                    for (var i = open.Count - 1; i >= at; i--) output.Append("</").Append(open[i]).Append('>');
                    open.RemoveRange(at, open.Count - at);
                    break;
            }
        }
        for (var i = open.Count - 1; i >= 0; i--) output.Append("</").Append(open[i]).Append('>');
        return output.ToString();
    }

    static readonly HashSet<string> Inline = new(StringComparer.Ordinal) { "a", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup", "span", "code" };
    static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "ul", "ol", "table", "blockquote", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    };

    /// <summary>The end tags HTML lets authors leave out (a new li ends the previous one, a block ends a paragraph).</summary>
    static void CloseImplied(StringBuilder output, List<string> open, string name)
    {
        var at = name switch
        {
            "li" => After(open, "li", "ul", "ol"),
            "tr" => After(open, "tr", "table", "thead", "tbody", "tfoot"),
            "td" or "th" => Math.Max(After(open, "td", "tr"), After(open, "th", "tr")),
            "thead" or "tbody" or "tfoot" => Math.Max(After(open, "thead", "table"), Math.Max(After(open, "tbody", "table"), After(open, "tfoot", "table"))),
            _ when Blocks.Contains(name) && open.LastIndexOf("p") is var p and >= 0 && open.Skip(p + 1).All(Inline.Contains) => p,
            _ => -1,
        };
        if (at < 0) return;
        for (var i = open.Count - 1; i >= at; i--) output.Append("</").Append(open[i]).Append('>');
        open.RemoveRange(at, open.Count - at);
    }

    /// <summary>Where <paramref name="name"/> is open inside the innermost of <paramref name="scopes"/>; -1 when it is not.</summary>
    static int After(List<string> open, string name, params string[] scopes)
    {
        var at = open.LastIndexOf(name);
        return at >= 0 && scopes.All(s => open.LastIndexOf(s) < at) ? at : -1;
    }

    /// <summary>The readable text of an HTML body (for previews and a plain-text fallback): no markup at all.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = new StringBuilder();
        foreach (var token in HtmlTokens.Read(html))
        {
            if (token.Kind == HtmlTokenKind.Text) text.Append(token.Text);
            else if (token.Name is "br" or "p" or "div" or "li" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote")
                text.Append('\n');
        }
        return text.ToString().Trim();
    }

    static void WriteStartTag(StringBuilder output, HtmlToken token)
    {
        output.Append('<').Append(token.Name);
        var allowed = Attributes.GetValueOrDefault(token.Name) ?? [];
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in token.Attributes)
        {
            if (!allowed.Contains(name) || !written.Add(name)) continue;
            var safe = name switch
            {
                "href" => SafeUrl(value, "http", "https", "mailto"),
                "src" => SafeUrl(value, "https"),
                _ => value,
            };
            if (safe is null) continue;
            output.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(safe)).Append('"');
        }
        if (token.Name == "a") output.Append(" rel=\"noopener noreferrer\" target=\"_blank\"");
        output.Append('>');
    }

    /// <summary>The URL when it is absolute with one of the schemes; null otherwise (javascript:, data:, relative, cid:…).</summary>
    static string? SafeUrl(string value, params string[] schemes)
    {
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"): so do we, before checking.
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (!Uri.TryCreate(compact, UriKind.Absolute, out var uri)) return null;
        return schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) ? compact : null;
    }

    /// <summary>Whether a dropped element's content goes too (script, svg…), by the reader.</summary>
    internal static bool IsRawTextDropped(string name) => RawTextDropped.Contains(name);

    internal static bool IsContainerDropped(string name) => ContainerDropped.Contains(name);
}
