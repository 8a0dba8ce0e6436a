using System.Net;

namespace GpsLeaders.Data.Inbox.Email;

internal enum HtmlTokenKind { Text, StartTag, EndTag }

/// <summary>A piece of HTML: decoded text, or a tag with its lower-case name and decoded attribute values.</summary>
internal sealed record HtmlToken(HtmlTokenKind Kind, string Name, string Text, IReadOnlyList<(string Name, string Value)> Attributes);

/// <summary>
/// A small, forgiving HTML reader for <see cref="EmailHtml"/>. Comments, doctypes and processing instructions vanish;
/// elements whose content must never show (script, style, svg, forms…) are skipped with that content; a tag left
/// unterminated at the end of the input is dropped, as browsers do.
/// </summary>
internal static class HtmlTokens
{
    public static IEnumerable<HtmlToken> Read(string html)
    {
        var i = 0;
        var textStart = 0;
        while (i < html.Length)
        {
            if (html[i] != '<') { i++; continue; }
            var next = i + 1 < html.Length ? html[i + 1] : '\0';
            var isEnd = next == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]);
            if (!char.IsAsciiLetter(next) && !isEnd && next is not ('!' or '?' or '/'))
            {
                i++; // a lone "<" ("a < b") is text
                continue;
            }
            if (i > textStart) yield return Text(html[textStart..i]);
            if (next is '!' or '?' || (next == '/' && !isEnd))
            {
                i = SkipMarkupDeclaration(html, i);
                textStart = i;
                continue;
            }
            var tag = ReadTag(html, i, isEnd);
            if (tag is null) yield break; // unterminated tag: the rest is not shown
            var (token, end) = tag.Value;
            i = end;
            if (token.Kind == HtmlTokenKind.StartTag && EmailHtml.IsRawTextDropped(token.Name))
                i = SkipRawText(html, i, token.Name);
            else if (token.Kind == HtmlTokenKind.StartTag && EmailHtml.IsContainerDropped(token.Name) && !token.Text.EndsWith('/'))
                i = SkipContainer(html, i, token.Name);
            else if (!EmailHtml.IsContainerDropped(token.Name))
                yield return token;
            textStart = i;
        }
        if (textStart < html.Length) yield return Text(html[textStart..]);
    }

    static HtmlToken Text(string raw) => new(HtmlTokenKind.Text, "", WebUtility.HtmlDecode(raw), []);

    /// <summary>Comments (to "--&gt;"), doctypes, CDATA, processing instructions and bogus "&lt;/…": skipped to their end.</summary>
    static int SkipMarkupDeclaration(string html, int at)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }
        var gt = html.IndexOf('>', at + 1);
        return gt < 0 ? html.Length : gt + 1;
    }

    static int SkipRawText(string html, int from, string name)
    {
        var close = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        if (close < 0) return html.Length;
        var gt = html.IndexOf('>', close);
        return gt < 0 ? html.Length : gt + 1;
    }

    static int SkipContainer(string html, int from, string name)
    {
        var depth = 1;
        var i = from;
        while (depth > 0 && i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) return html.Length;
            var isEnd = lt + 1 < html.Length && html[lt + 1] == '/';
            if (lt + 1 >= html.Length || !(char.IsAsciiLetter(html[lt + 1]) || isEnd || html[lt + 1] is '!' or '?'))
            {
                i = lt + 1; // a lone "<"
                continue;
            }
            if (html[lt + 1] is '!' or '?')
            {
                i = SkipMarkupDeclaration(html, lt);
                continue;
            }
            var tag = ReadTag(html, lt, isEnd);
            if (tag is null) return html.Length;
            var (token, end) = tag.Value;
            if (token.Name == name && token.Kind == HtmlTokenKind.EndTag) depth--;
            else if (token.Name == name && !token.Text.EndsWith('/')) depth++;
            i = EmailHtml.IsRawTextDropped(token.Name) && token.Kind == HtmlTokenKind.StartTag ? SkipRawText(html, end, token.Name) : end;
        }
        return i;
    }

    /// <summary>Reads "&lt;name attr=value …&gt;" at <paramref name="at"/>; null when the input ends first.
    /// The token's Text is "/" for a self-closing tag.</summary>
    static (HtmlToken Token, int End)? ReadTag(string html, int at, bool isEnd)
    {
        var i = at + (isEnd ? 2 : 1);
        var nameStart = i;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('>' or '/')) i++;
        var name = html[nameStart..i].ToLowerInvariant();
        var attributes = new List<(string, string)>();
        var selfClosing = false;
        while (true)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                selfClosing = html[i] == '/';
                i++;
            }
            if (i >= html.Length) return null;
            if (html[i] == '>') break;
            selfClosing = false;
            var attrStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('>' or '/' or '=')) i++;
            if (i == attrStart) i++; // a stray character such as a lone quote: step over it
            var attrName = html[attrStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
                if (i >= html.Length) return null;
                if (html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    if (close < 0) return null;
                    value = html[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = html[valueStart..i];
                }
            }
            attributes.Add((attrName, WebUtility.HtmlDecode(value)));
        }
        var kind = isEnd ? HtmlTokenKind.EndTag : HtmlTokenKind.StartTag;
        return (new HtmlToken(kind, name, selfClosing ? "/" : "", attributes), i + 1);
    }
}
