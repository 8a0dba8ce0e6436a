using System.Text;
using System.Text.Json;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GpsLeaders.Tests.Inbox.Email;

/// <summary>
/// A fresh database with an admin, a company whose contact Dana has an open lead, and a connected Gmail account
/// (sales@gpsleaders.test, access token valid for an hour) whose Google is a WireMock server.
/// </summary>
internal sealed class EmailFixture : IAsyncDisposable
{
    public const string Mailbox = "sales@gpsleaders.test";
    public const string DanaEmail = "dana@acmetowing.test";

    public required Services Services { get; init; }
    public required ManualClock Clock { get; init; }
    public required WireMockServer Google { get; init; }
    public required User Admin { get; init; }
    public required Lead Lead { get; init; }
    public required Contact Dana { get; init; }
    public required EmailAccount Account { get; init; }

    public static GmailOptions OptionsFor(WireMockServer google) => new()
    {
        ApiBaseUrl = google.Url!, TokenUrl = google.Url + "/token", AuthUrl = google.Url + "/auth", ClientId = "client-1", ClientSecret = "client-secret-1",
    };

    public static async Task<EmailFixture> CreateAsync()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var google = WireMockServer.Start();
        var services = new Services(await TestDatabases.CreateMigratedAsync(), clock, s => s.AddSingleton(OptionsFor(google)));
        var admin = await services.Get<UserAccounts>().CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
        var company = await services.Get<CompanyService>().CreateAsync(new CompanyInput("Acme Towing LLC"), admin.Id);
        var lead = await services.Get<LeadService>().CreateAsync(
            new LeadInput(NewContact: new ContactInput("Dana", "Diaz", DanaEmail, CompanyId: company.Id), CompanyId: company.Id), admin.Id);
        var secrets = services.Get<SecretBox>();
        var account = new EmailAccount
        {
            EmailAddress = Mailbox, Provider = EmailProviders.Gmail, UserId = admin.Id,
            GmailRefreshToken = secrets.Protect("refresh-1"), GmailAccessToken = secrets.Protect("access-1"),
            GmailTokenExpiry = clock.Now.UtcDateTime.AddHours(1),
        };
        await using (var db = services.Db())
        {
            db.EmailAccounts.Add(account);
            await db.SaveChangesAsync();
        }
        await using var read = services.Db();
        var dana = read.Contacts.Single(c => c.Id == lead.ContactId);
        return new EmailFixture { Services = services, Clock = clock, Google = google, Admin = admin, Lead = lead, Dana = dana, Account = account };
    }

    public void StubSend(string messageId, string threadId, int status = 200) =>
        Google.Given(Request.Create().WithPath("/gmail/v1/users/me/messages/send").UsingPost())
            .RespondWith(status == 200 ? Json(new { id = messageId, threadId, labelIds = new[] { "SENT" } })
                : Response.Create().WithStatusCode(status).WithBody("""{"error":{"code":500,"message":"Backend Error"}}"""));

    public void StubToken(object body, int status = 200) =>
        Google.Given(Request.Create().WithPath("/token").UsingPost()).RespondWith(Json(body).WithStatusCode(status));

    public void StubHistory(string startHistoryId, string nextHistoryId, params string[] messageIds) =>
        Google.Given(Request.Create().WithPath("/gmail/v1/users/me/history").WithParam("startHistoryId", startHistoryId).UsingGet())
            .RespondWith(Json(new
            {
                history = messageIds.Select(id => new { id = "h-" + id, messagesAdded = new[] { new { message = new { id } } } }),
                historyId = nextHistoryId,
            }));

    public void StubMessage(string id, string threadId, string from, string to, string subject, string text, string? html = null) =>
        Google.Given(Request.Create().WithPath($"/gmail/v1/users/me/messages/{id}").WithParam("format", "raw").UsingGet())
            .RespondWith(Json(Message(id, threadId, from, to, subject, text, html, Clock.Now.AddMinutes(-1))));

    /// <summary>What users.messages.get?format=metadata returns when asked for the Message-ID and References headers.</summary>
    public void StubThreading(string id, string messageIdHeader, string? references = null) =>
        Google.Given(Request.Create().WithPath($"/gmail/v1/users/me/messages/{id}").WithParam("format", "metadata").UsingGet())
            .RespondWith(Json(new
            {
                id, threadId = "gt-1", labelIds = new[] { "INBOX" },
                payload = new
                {
                    mimeType = "multipart/alternative",
                    headers = new[] { new { name = "Message-ID", value = messageIdHeader } }
                        .Concat(references is null ? [] : new[] { new { name = "References", value = references } }).ToArray(),
                },
            }));

    /// <summary>What users.messages.get?format=raw returns: the message as the sender's mail program wrote it, base64url.</summary>
    public static object Message(string id, string threadId, string from, string to, string subject, string text, string? html, DateTimeOffset at)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = at;
        message.MessageId = $"{id}@mail.test";
        message.Body = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = html ?? $"<p>{text}</p>" },
        };
        return Raw(id, threadId, message, at);
    }

    public static object Raw(string id, string threadId, MimeMessage message, DateTimeOffset at)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return new
        {
            id, threadId, labelIds = new[] { "INBOX", "UNREAD" }, historyId = "200", internalDate = at.ToUnixTimeMilliseconds().ToString(),
            sizeEstimate = stream.Length, raw = System.Buffers.Text.Base64Url.EncodeToString(stream.ToArray()),
        };
    }

    public static IResponseBuilder Json(object body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body));

    /// <summary>Each message Gmail was asked to send, parsed back with MimeKit, with the threadId it came with.</summary>
    public List<(MimeMessage Message, string? ThreadId, string? Authorization)> SentToGmail() => Google.LogEntries
        .Where(e => e.RequestMessage!.Path == "/gmail/v1/users/me/messages/send" && e.ResponseMessage!.StatusCode is 200)
        .Select(e =>
        {
            using var doc = JsonDocument.Parse(e.RequestMessage!.Body!);
            var raw = System.Buffers.Text.Base64Url.DecodeFromChars(doc.RootElement.GetProperty("raw").GetString()!);
            var thread = doc.RootElement.TryGetProperty("threadId", out var t) ? t.GetString() : null;
            return (MimeMessage.Load(new MemoryStream(raw)), thread, e.RequestMessage!.Headers?["Authorization"]?.FirstOrDefault());
        }).ToList();

    public int Requests(string path) => Google.LogEntries.Count(e => e.RequestMessage!.Path == path);

    public ValueTask DisposeAsync()
    {
        Google.Stop();
        Google.Dispose();
        return ValueTask.CompletedTask;
    }
}
