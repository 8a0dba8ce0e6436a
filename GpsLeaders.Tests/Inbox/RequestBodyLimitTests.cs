using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using GpsLeaders.Data;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Inbox;

/// <summary>Measured alone: the allocation bound below counts the whole test process, so nothing may run beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}

/// <summary>Anonymous bodies are cut at the transport: a chunked upload announces no length, so only the read can stop it.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    const long TwentyFiveMegabytes = 25L * 1024 * 1024;
    CrmAppFactory _app = default!;
    HttpClient _http = default!;
    FakeSmsGateway _phone = default!;

    public async Task InitializeAsync()
    {
        _app = new CrmAppFactory(await TestDatabases.CreateMigratedAsync());
        _http = _app.CreateRealClient();
        var admin = await _app.Services.GetRequiredService<UserAccounts>().CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
        _phone = await FakeSmsGateway.RegisterAsync(_app.Services, admin.Id);
    }

    public async Task DisposeAsync()
    {
        _phone.Dispose();
        _http.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// POSTs 25 MB chunked over a raw socket, reading the answer while still writing: the server answers and closes
    /// mid-upload, which HttpClient reports only as a broken connection. The status code, or null when none came.
    /// </summary>
    async Task<int?> PostFloodAsync(string path)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_http.BaseAddress!.Host, _http.BaseAddress.Port);
        var stream = tcp.GetStream();
        var answer = ReadStatusAsync(stream);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {_http.BaseAddress.Authority}\r\n" +
                "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            var header = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
            var crlf = "\r\n"u8.ToArray();
            for (long sent = 0; sent < TwentyFiveMegabytes && !answer.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(header);
                await stream.WriteAsync(chunk);
                await stream.WriteAsync(crlf);
            }
            if (!answer.IsCompleted) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException) { } // the server closed the connection on the rest of the upload, as it should
        return await answer.WaitAsync(TimeSpan.FromSeconds(30));
    }

    static async Task<int?> ReadStatusAsync(NetworkStream stream)
    {
        var buffer = new byte[512];
        var read = 0;
        try
        {
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read)) is > 0 and var n)
            {
                read += n;
                var text = Encoding.ASCII.GetString(buffer, 0, read);
                if (text.IndexOf("\r\n", StringComparison.Ordinal) is > 0 and var end) return int.Parse(text[9..end].Split(' ')[0]);
            }
        }
        catch (IOException) { }
        return null;
    }

    [Theory]
    [InlineData("/webhooks/sms-gateway/{gateway}")]
    [InlineData("/webhooks/calcom")]
    public async Task A_chunked_25_MB_post_is_cut_with_413_and_the_app_never_holds_it(string path)
    {
        path = path.Replace("{gateway}", _phone.GatewayId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _phone.PostAsync(_http, FakeSmsGateway.Received("warm-up", "+15125552111", "hi"), sign: false)).StatusCode);

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var status = await PostFloodAsync(path);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: false) - heapBefore;

        Assert.Equal(413, status);
        // Every byte allocated in the process (server and client) bounds what the request could have grown the app by.
        Assert.True(allocated < 20L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated while serving a 25 MB chunked post");
        Assert.True(heapGrowth < 20L * 1024 * 1024, $"the heap grew by {heapGrowth / 1024 / 1024} MB");
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();
        Assert.Equal(0, await db.SmsMessages.CountAsync());
    }

    [Fact]
    public async Task Any_other_endpoint_refuses_a_body_over_the_default_megabyte()
    {
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin") { Content = content };
        request.Headers.ExpectContinue = true; // refused before the body: read the answer, not a closed connection
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
