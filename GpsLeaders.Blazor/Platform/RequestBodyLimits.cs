using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// Request bodies are bounded at the transport before anything reads them: a small default for every endpoint
/// (Kestrel), a per-endpoint limit from <see cref="WithBodyLimit{TBuilder}"/>, and 413 as soon as a body passes it,
/// whether it announced its length or arrives chunked. Blazor's hub is a WebSocket, which Kestrel never limits;
/// uploads (import CSV, voicemail audio) stream over the circuit, not as request bodies, so nothing needs more.
/// </summary>
public static class RequestBodyLimits
{
    public const long Default = 1024 * 1024;

    sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    public static void AddCrmRequestBodyLimits(this IWebHostBuilder host) =>
        host.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Default);

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder endpoint, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new BodyLimit(maxBytes));

    /// <summary>After routing: applies the endpoint's limit to the server before the body is touched, and turns the server's refusal into a 413.</summary>
    public static IApplicationBuilder UseCrmRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var server = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var endpointLimit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (endpointLimit is not null && server is { IsReadOnly: false }) server.MaxRequestBodySize = endpointLimit;
        // An announced length over the limit is refused before a byte is read (a form post would otherwise read to the
        // limit and fail as a bad form).
        if (http.Request.ContentLength > (endpointLimit ?? server?.MaxRequestBodySize))
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        try { await next(http); }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    });

    /// <summary>
    /// The whole body, or null once it passes <paramref name="maxBytes"/>: reading stops there, so at most that much is
    /// ever held (also where the server's own limit cannot be set).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    public static IResult TooLarge(long maxBytes) =>
        Results.Json(new { error = $"The body is larger than {maxBytes / 1024:N0} KB." }, statusCode: StatusCodes.Status413PayloadTooLarge);
}
