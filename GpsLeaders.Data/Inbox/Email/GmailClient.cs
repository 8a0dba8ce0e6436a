using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>Google answered with an error (or not at all). <see cref="Status"/> is the HTTP status, 0 when unreachable.</summary>
public sealed class GmailApiException(int status, string detail) : Exception($"Gmail answered {(status == 0 ? "nothing" : "HTTP " + status)}: {detail}")
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;
}

public sealed record GmailTokens(string AccessToken, string? RefreshToken, DateTime ExpiresAt);

public sealed record GmailSent(string Id, string ThreadId);

public sealed record GmailProfile(string EmailAddress, string? HistoryId);

/// <summary>New message ids since a history id, and the history id to start from next time.
/// <see cref="Expired"/>: Google no longer has that history (404), list by date instead.</summary>
public sealed record GmailChanges(IReadOnlyList<string> MessageIds, string? HistoryId, bool Expired);

/// <summary>
/// Gmail's REST API and Google's OAuth endpoints through HttpClient (no Google library installs here); messages
/// themselves are MIME, built and read with MimeKit. Stateless:
/// every call takes the access token; <see cref="GmailAccess"/> keeps accounts' tokens fresh.
/// </summary>
public sealed class GmailClient(IHttpClientFactory http, GmailOptions options, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public GmailOptions Options => options;

    /// <summary>Google's consent page: offline access (a refresh token), consent asked again so the refresh token is re-issued.</summary>
    public string AuthorizationUrl(string redirectUri, string state)
    {
        var query = new Dictionary<string, string>
        {
            ["client_id"] = options.ClientId ?? "",
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = $"{GmailOptions.SendScope} {GmailOptions.ReadScope}",
            ["access_type"] = "offline",
            ["prompt"] = "consent",
            ["include_granted_scopes"] = "true",
            ["state"] = state,
        };
        return options.AuthUrl + (options.AuthUrl.Contains('?') ? "&" : "?") + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
    }

    public Task<GmailTokens> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct) => TokenAsync(new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirectUri,
    }, ct);

    public Task<GmailTokens> RefreshAsync(string refreshToken, CancellationToken ct) => TokenAsync(new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    }, ct);

    public async Task<GmailProfile> ProfileAsync(string accessToken, CancellationToken ct)
    {
        var profile = await GetAsync<ProfileJson>(accessToken, "gmail/v1/users/me/profile", ct);
        return new GmailProfile(profile.EmailAddress ?? throw new GmailApiException(200, "the profile has no email address"), profile.HistoryId);
    }

    /// <summary>Sends the message (MIME, base64url in <c>raw</c>); <paramref name="threadId"/> puts it in an existing Gmail thread.</summary>
    public async Task<GmailSent> SendAsync(string accessToken, OutgoingEmail mail, string? threadId, CancellationToken ct)
    {
        var body = new Dictionary<string, string> { ["raw"] = mail.ToBase64Url() };
        if (!string.IsNullOrEmpty(threadId)) body["threadId"] = threadId;
        using var request = Request(HttpMethod.Post, "gmail/v1/users/me/messages/send", accessToken);
        request.Content = JsonContent.Create(body);
        var sent = await SendAsync<SentJson>(request, ct);
        return new GmailSent(sent.Id ?? throw new GmailApiException(200, "the send answer has no message id"), sent.ThreadId ?? "");
    }

    /// <summary>users.history.list from <paramref name="startHistoryId"/>: ids of messages added since, all pages.</summary>
    public async Task<GmailChanges> HistoryAsync(string accessToken, string startHistoryId, CancellationToken ct)
    {
        var ids = new List<string>();
        string? pageToken = null, historyId = null;
        do
        {
            var path = $"gmail/v1/users/me/history?startHistoryId={Uri.EscapeDataString(startHistoryId)}&historyTypes=messageAdded&maxResults=500"
                + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
            HistoryJson page;
            try { page = await GetAsync<HistoryJson>(accessToken, path, ct); }
            catch (GmailApiException e) when (e.Status == 404) { return new GmailChanges([], null, Expired: true); }
            foreach (var added in (page.History ?? []).SelectMany(h => h.MessagesAdded ?? []))
                if (added.Message?.Id is { } id && !ids.Contains(id)) ids.Add(id);
            historyId = page.HistoryId ?? historyId;
            pageToken = page.NextPageToken;
        } while (pageToken is not null);
        return new GmailChanges(ids, historyId, Expired: false);
    }

    /// <summary>users.messages.list with q=after:&lt;unix seconds&gt;, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListSinceAsync(string accessToken, DateTime since, CancellationToken ct)
    {
        var ids = new List<string>();
        string? pageToken = null;
        var after = new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc)).ToUnixTimeSeconds();
        do
        {
            var path = $"gmail/v1/users/me/messages?q={Uri.EscapeDataString($"after:{after}")}&maxResults=500"
                + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
            var page = await GetAsync<ListJson>(accessToken, path, ct);
            ids.AddRange((page.Messages ?? []).Select(m => m.Id).OfType<string>());
            pageToken = page.NextPageToken;
        } while (pageToken is not null);
        ids.Reverse(); // Gmail lists newest first; the inbox should receive them in order
        return ids;
    }

    /// <summary>users.messages.get?format=raw, the whole message parsed with MimeKit.</summary>
    public async Task<GmailMail> GetMessageAsync(string accessToken, string messageId, CancellationToken ct)
    {
        using var doc = await GetAsync<JsonDocument>(accessToken, $"gmail/v1/users/me/messages/{Uri.EscapeDataString(messageId)}?format=raw", ct);
        return GmailMail.Parse(doc.RootElement);
    }

    /// <summary>users.messages.get?format=metadata with only Message-ID and References: what a reply needs to name its parent.</summary>
    public async Task<ParentMessage> ThreadingAsync(string accessToken, string messageId, CancellationToken ct)
    {
        var path = $"gmail/v1/users/me/messages/{Uri.EscapeDataString(messageId)}?format=metadata&metadataHeaders=Message-ID&metadataHeaders=References";
        var message = await GetAsync<MetadataJson>(accessToken, path, ct);
        string? Header(string name) => message.Payload?.Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
        var id = Header("Message-ID") is { } raw ? MimeKit.Utils.MimeUtils.EnumerateReferences(raw).FirstOrDefault() : null;
        var references = Header("References") is { } refs ? MimeKit.Utils.MimeUtils.EnumerateReferences(refs).ToList() : [];
        return new ParentMessage(id, references);
    }

    async Task<GmailTokens> TokenAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        if (!options.IsConfigured)
            throw new GmailApiException(0, "Gmail is not configured (Gmail:ClientId and Gmail:ClientSecret).");
        form["client_id"] = options.ClientId!;
        form["client_secret"] = options.ClientSecret!;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        var token = await SendAsync<TokenJson>(request, ct);
        if (string.IsNullOrEmpty(token.AccessToken)) throw new GmailApiException(200, "the token answer has no access token");
        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 3600);
        var now = clock.GetUtcNow().UtcDateTime;
        return new GmailTokens(token.AccessToken, token.RefreshToken, now + lifetime);
    }

    async Task<T> GetAsync<T>(string accessToken, string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path, accessToken);
        return await SendAsync<T>(request, ct);
    }

    HttpRequestMessage Request(HttpMethod method, string path, string accessToken)
    {
        var request = new HttpRequestMessage(method, options.ApiBaseUrl.TrimEnd('/') + "/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try { response = await http.CreateClient(nameof(GmailClient)).SendAsync(request, ct); }
        catch (HttpRequestException e) { throw new GmailApiException(0, e.Message); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw new GmailApiException(0, "timed out: " + e.Message); }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new GmailApiException((int)response.StatusCode, ErrorDetail(text, response.StatusCode));
            try { return JsonSerializer.Deserialize<T>(text, Json) ?? throw new JsonException("empty"); }
            catch (JsonException e) { throw new GmailApiException((int)response.StatusCode, "unreadable answer: " + e.Message); }
        }
    }

    /// <summary>Google's own words: {"error": {"message"}} from the API, {"error", "error_description"} from OAuth.</summary>
    static string ErrorDetail(string text, HttpStatusCode status)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var error = doc.RootElement.GetProperty("error");
            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m)) return m.GetString() ?? status.ToString();
            var description = doc.RootElement.TryGetProperty("error_description", out var d) ? ": " + d.GetString() : "";
            return error.GetString() + description;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return text.Length is > 0 and <= 200 ? text : status.ToString();
        }
    }

    sealed record TokenJson(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);

    sealed record ProfileJson(string? EmailAddress, string? HistoryId);

    sealed record SentJson(string? Id, string? ThreadId);

    sealed record IdJson(string? Id, string? ThreadId);

    sealed record ListJson(List<IdJson>? Messages, string? NextPageToken);

    sealed record AddedJson(IdJson? Message);

    sealed record HistoryEntryJson(List<AddedJson>? MessagesAdded);

    sealed record HeaderJson(string? Name, string? Value);

    sealed record PayloadJson(List<HeaderJson>? Headers);

    sealed record MetadataJson(string? Id, PayloadJson? Payload);

    sealed record HistoryJson(List<HistoryEntryJson>? History, string? NextPageToken, string? HistoryId);
}
