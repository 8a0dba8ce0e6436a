using GpsLeaders.Data.Inbox.Email;

namespace GpsLeaders.Tests.Inbox.Email;

public class EmailHtmlTests
{
    [Theory]
    [InlineData("<p>Hi <b>Dana</b>,<br>thanks!</p>", "<p>Hi <b>Dana</b>,<br>thanks!</p>")]
    [InlineData("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>")]
    [InlineData("<p>one<p>two<div>three</div>", "<p>one</p><p>two</p><div>three</div>")]
    [InlineData("<table><tr><td colspan=\"2\">x</td></tr></table>", "<table><tr><td colspan=\"2\">x</td></tr></table>")]
    [InlineData("<H1 CLASS=x>Title</H1>", "<h1>Title</h1>")]
    [InlineData("Fish &amp; chips &lt;3", "Fish &amp; chips &lt;3")]
    [InlineData("a < b and c > d", "a &lt; b and c &gt; d")]
    public void Formatting_survives_and_is_re_serialised(string html, string expected) =>
        Assert.Equal(expected, EmailHtml.Sanitize(html));

    [Theory]
    [InlineData("<script>alert(1)</script>ok", "ok")]
    [InlineData("<SCRIPT type=text/javascript>document.write('<p>x</p>')</SCRIPT>ok", "ok")]
    [InlineData("<style>body{display:none}</style>ok", "ok")]
    [InlineData("<iframe src=\"https://evil.test\"><p>inside</p></iframe>ok", "ok")]
    [InlineData("<form action=/steal><input name=p>Password?<button>Go</button></form>ok", "ok")]
    [InlineData("<svg onload=alert(1)><circle/><text>hi</text></svg>ok", "ok")]
    [InlineData("<svg><svg></svg><script>alert(1)</script></svg>ok", "ok")]
    [InlineData("<object data=x.swf><embed src=x.swf></object>ok", "ok")]
    [InlineData("<!-- <script>alert(1)</script> -->ok", "ok")]
    [InlineData("<!--[if mso]><b>x</b><![endif]-->ok", "ok")]
    [InlineData("<!DOCTYPE html><html><head><title>t</title></head><body>ok</body></html>", "ok")]
    public void Dangerous_elements_go_with_their_content(string html, string expected) =>
        Assert.Equal(expected, EmailHtml.Sanitize(html));

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<img src=\"https://cdn.test/a.png\" onerror=\"alert(1)\" style=\"position:fixed\">")]
    [InlineData("<p onclick=\"alert(1)\" ONMOUSEOVER='x()'>hi</p>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVa\tScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">")]
    [InlineData("<img src=\"http://tracker.test/pixel.gif\">")]
    [InlineData("<p title='\"><script>alert(1)</script>'>x</p>")]
    public void No_script_url_handler_or_style_remains(string html)
    {
        var safe = EmailHtml.Sanitize(html).ToLowerInvariant();
        Assert.DoesNotContain("javascript", safe);
        Assert.DoesNotContain("data:", safe);
        Assert.DoesNotContain("onerror", safe);
        Assert.DoesNotContain("onclick", safe);
        Assert.DoesNotContain("onmouseover", safe);
        Assert.DoesNotContain("style", safe);
        Assert.DoesNotContain("<script", safe);
        Assert.DoesNotContain("http://tracker", safe);
    }

    [Fact]
    public void Links_open_safely_and_https_images_stay()
    {
        Assert.Equal("<a href=\"https://gpsleaders.test/q?a=1&amp;b=2\" rel=\"noopener noreferrer\" target=\"_blank\">quote</a>",
            EmailHtml.Sanitize("<a href=\"https://gpsleaders.test/q?a=1&amp;b=2\" target=_self rel=opener>quote</a>"));
        Assert.Equal("<a href=\"mailto:dana@acme.test\" rel=\"noopener noreferrer\" target=\"_blank\">mail</a>",
            EmailHtml.Sanitize("<a href='mailto:dana@acme.test'>mail</a>"));
        Assert.Equal("<a rel=\"noopener noreferrer\" target=\"_blank\">relative</a>", EmailHtml.Sanitize("<a href=\"/admin\">relative</a>"));
        Assert.Equal("<img src=\"https://cdn.test/logo.png\" alt=\"Logo\">", EmailHtml.Sanitize("<img src=\"https://cdn.test/logo.png\" alt=\"Logo\"/>"));
    }

    [Theory]
    [InlineData("<p><b>unclosed", "<p><b>unclosed</b></p>")]
    [InlineData("<b><i>crossed</b></i>", "<b><i>crossed</i></b>")]
    [InlineData("</div>stray</p>", "stray")]
    [InlineData("<p>cut <a href=\"https://x.test", "<p>cut </p>")]
    [InlineData("<p>cut <script>alert(1)", "<p>cut </p>")]
    [InlineData("<font color=red><center>legacy</center></font>", "legacy")]
    public void Broken_markup_comes_out_well_formed(string html, string expected) =>
        Assert.Equal(expected, EmailHtml.Sanitize(html));

    [Fact]
    public void Null_and_empty_are_empty() { Assert.Equal("", EmailHtml.Sanitize(null)); Assert.Equal("", EmailHtml.Sanitize("")); }

    [Fact]
    public void Plain_text_of_html_has_no_markup() =>
        Assert.Equal("Hi Dana,\n\nSee you <soon>", EmailHtml.ToPlainText("<p>Hi Dana,</p><p>See you &lt;soon&gt;<script>x()</script></p>"));
}
