using System.Text;
using System.Text.Json;
using GpsLeaders.Data.Inbox.Email;

namespace GpsLeaders.Tests.Inbox.Email;

public class Rfc2822Tests
{
    static readonly DateTime At = new(2026, 11, 20, 15, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Headers_are_single_lines_and_non_ascii_is_encoded()
    {
        var (text, messageId) = Rfc2822.Compose(new OutgoingEmail("sales@gpsleaders.test", "José \"Pepe\" Núñez", "dana@acme.test", "Dana\r\nBcc: victim@evil.test",
            "Cotización — 12 rastreadores\r\nBcc: victim@evil.test", "Hola\nDana", At));

        var headers = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        Assert.DoesNotContain(headers, h => h.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("To: \"Dana  Bcc: victim@evil.test\" <dana@acme.test>", headers);
        Assert.Contains("Date: Fri, 20 Nov 2026 15:04:05 +0000", headers);
        Assert.Contains($"Message-ID: {messageId}", headers);
        Assert.EndsWith("@gpsleaders.test>", messageId);
        Assert.All(headers, h => Assert.True(h.Length <= 998 && h.All(c => c < 128), h));
        var subject = string.Join("", headers.SkipWhile(h => !h.StartsWith("Subject:")).TakeWhile(h => h.StartsWith("Subject:") || h.StartsWith(' ')));
        Assert.Equal("Cotización — 12 rastreadores  Bcc: victim@evil.test", Rfc2822.DecodeWords(subject["Subject: ".Length..]));
        Assert.StartsWith("From: =?utf-8?B?", headers.Single(h => h.StartsWith("From:")));
    }

    [Theory]
    [InlineData("=?UTF-8?B?SG9sYSBEYW5h?=", "Hola Dana")]
    [InlineData("=?iso-8859-1?Q?Caf=E9_con_leche?=", "Café con leche")]
    [InlineData("Re: =?utf-8?Q?a?= =?utf-8?Q?b?=", "Re: ab")]
    [InlineData("plain", "plain")]
    public void Encoded_words_are_decoded(string header, string expected) => Assert.Equal(expected, Rfc2822.DecodeWords(header));

    [Fact]
    public void A_nested_multipart_message_gives_its_text_html_and_headers()
    {
        static object Part(string mime, string body, string? filename = null) => new
        {
            mimeType = mime, filename = filename ?? "", headers = new[] { new { name = "Content-Type", value = mime + "; charset=\"ISO-8859-1\"" } },
            body = new { data = System.Buffers.Text.Base64Url.EncodeToString(Encoding.Latin1.GetBytes(body)) },
        };
        var json = JsonSerializer.Serialize(new
        {
            id = "m1", threadId = "t1", labelIds = new[] { "INBOX" }, internalDate = "1795000000000",
            payload = new
            {
                mimeType = "multipart/mixed",
                headers = new[]
                {
                    new { name = "From", value = "=?utf-8?B?Sm9zw6kgTsO6w7Fleg==?= <Jose@Acme.test>" },
                    new { name = "To", value = "Sales <sales@gpsleaders.test>, other@gpsleaders.test" },
                    new { name = "Subject", value = "=?utf-8?Q?Re:_Cotizaci=C3=B3n?=" },
                    new { name = "Message-ID", value = "<abc@acme.test>" },
                },
                parts = new object[]
                {
                    new { mimeType = "multipart/alternative", parts = new[] { Part("text/plain", "Café ok"), Part("text/html", "<p>Café ok</p>") } },
                    Part("text/plain", "attachment text", "notes.txt"),
                },
            },
        });
        using var doc = JsonDocument.Parse(json);

        var mail = GmailMail.Parse(doc.RootElement);

        Assert.Equal(("Jose@Acme.test", "José Núñez", "sales@gpsleaders.test"), (mail.From, mail.FromName, mail.To));
        Assert.Equal(("Re: Cotización", "<abc@acme.test>"), (mail.Subject, mail.MessageIdHeader));
        Assert.Equal(("Café ok", "<p>Café ok</p>"), (mail.Text, mail.Html));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000000).UtcDateTime, mail.SentAt);
    }
}
