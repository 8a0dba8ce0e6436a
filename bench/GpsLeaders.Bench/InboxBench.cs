using System.Diagnostics;
using System.Text;
using GpsLeaders.Data;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Sms;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GpsLeaders.Bench;

/// <summary>
/// The inbox figures (bench/inbox runs it against a running app): the list over 50,000 conversations, the time from
/// a gateway webhook POST to the badge changing in a signed-in browser, and sustained webhook throughput.
/// </summary>
public static class InboxBench
{
    public static async Task<int> RunAsync(string connectionString, string appUrl, string keysDir, int latencyMessages, int throughputMessages)
    {
        var services = BenchServices.For(connectionString);
        // The app's key ring, so the gateway secrets written here are the ones the app decrypts.
        services.AddDataProtection().SetApplicationName("GpsLeaders").PersistKeysToFileSystem(new DirectoryInfo(keysDir));
        var sp = services.BuildServiceProvider();
        var dbs = sp.GetRequiredService<IDbContextFactory<CrmDbContext>>();

        string adminId; List<string> phones;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            adminId = await db.Users.Where(u => u.Email == "admin@gpsleaders.test").Select(u => u.Id).SingleAsync();
            phones = await db.Contacts.Where(c => c.PhoneE164 != null).OrderBy(c => c.Id).Select(c => c.PhoneE164!).Distinct().Take(500).ToListAsync();
        }
        var count = await FillConversationsAsync(dbs, 50_000);
        Console.WriteLine($"conversations: {count:N0}");
        await using (var sqlAlone = QueryTiming.SqlAloneSource(connectionString))
            await ListTimingsAsync(sp.GetRequiredService<InboxQueries>(), adminId, sqlAlone);

        var key = SmsGatewayService.NewSigningKey();
        var gateway = await sp.GetRequiredService<SmsGatewayService>().SaveAsync(null, null,
            new SmsGatewayInput("Bench phone", "http://127.0.0.1:9", GatewayMode.Local, "bench", "bench-pass", "+15125552100", key), adminId);
        using var http = new HttpClient { BaseAddress = new Uri(appUrl) };
        var poster = new Poster(http, gateway.Id, key);

        await LatencyAsync(appUrl, poster, phones, latencyMessages);
        await ThroughputAsync(dbs, poster, phones, throughputMessages);
        return 0;
    }

    /// <summary>Tops conversations up to <paramref name="target"/>: one SMS thread per lead, spread over 90 days, 5% unread, 30% archived.</summary>
    static async Task<long> FillConversationsAsync(IDbContextFactory<CrmDbContext> dbs, int target)
    {
        await using var db = await dbs.CreateDbContextAsync();
        db.Database.SetCommandTimeout(300);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO conversations (id, lead_id, contact_id, user_id, channel, last_message_at, last_message_preview, unread_count, is_archived, created_at, updated_at)
            SELECT gen_random_uuid()::text, l.id, l.contact_id, co.assigned_rep_id, 'SMS', now()::timestamp(3) - random() * interval '90 days',
                   'Bench text for ' || l.id, CASE WHEN random() < 0.05 THEN 1 ELSE 0 END, random() < 0.3, now()::timestamp(3), now()::timestamp(3)
            FROM leads l LEFT JOIN companies co ON co.id = l.company_id
            WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.lead_id = l.id AND c.channel = 'SMS')
            LIMIT GREATEST(0, {target} - (SELECT count(*) FROM conversations))
            """);
        await db.Database.ExecuteSqlRawAsync("ANALYZE conversations");
        return await db.Conversations.LongCountAsync();
    }

    static async Task ListTimingsAsync(InboxQueries queries, string adminId, Npgsql.NpgsqlDataSource sqlAlone)
    {
        var admin = new InboxViewer(adminId, UserRole.ADMIN);
        var firstPage = await queries.ListAsync(new InboxFilter(), admin, 50);
        var cursor = new InboxCursor(firstPage[^1].LastMessageAt!.Value, firstPage[^1].Id);
        (string Name, Func<Task> Run)[] scenarios =
        [
            ("inbox list: all, first 50", () => queries.ListAsync(new InboxFilter(), admin, 51)),
            ("inbox list: unread, first 50", () => queries.ListAsync(new InboxFilter(InboxView.Unread), admin, 51)),
            ("inbox list: unassigned SMS, first 50", () => queries.ListAsync(new InboxFilter(InboxView.Unassigned, ConversationChannel.SMS), admin, 51)),
            ("inbox list: rep's view (mine + unassigned)", () => queries.ListAsync(new InboxFilter(), new InboxViewer(adminId, UserRole.REP), 51)),
            ("inbox list: archived, first 50", () => queries.ListAsync(new InboxFilter(Archived: true), admin, 51)),
            ("inbox list: all, second page (keyset)", () => queries.ListAsync(new InboxFilter(), admin, 51, cursor)),
            ("sidebar unread badge", () => queries.UnreadTotalAsync(admin)),
            ("conversation pane", () => queries.PaneAsync(firstPage[0].Id, admin)),
        ];
        Console.WriteLine($"{QueryTiming.Header}   runs=50");
        foreach (var (name, run) in scenarios)
            await QueryTiming.ReportAsync(name, _ => run(), 50, sqlAlone);
    }

    /// <summary>One signed-in Chromium on /inbox; each message is timed from just before its POST to the badge showing the new count.</summary>
    static async Task LatencyAsync(string appUrl, Poster poster, List<string> phones, int messages)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = appUrl });
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", "admin@gpsleaders.test");
        await page.FillAsync("#password", GpsLeaders.Data.Seeding.DemoData.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=user-name]");
        await page.GotoAsync("/inbox");
        await page.WaitForSelectorAsync("[data-circuit-ready]", new() { State = WaitForSelectorState.Attached });

        const string badgeText = "() => document.querySelector('[data-testid=inbox-unread-badge]')?.textContent ?? ''";
        var times = new List<double>();
        for (var i = 0; i < messages + 3; i++)
        {
            var before = await page.EvaluateAsync<string>(badgeText);
            var watch = Stopwatch.StartNew();
            await poster.ReceivedAsync($"lat-{i}-{Guid.NewGuid():N}", phones[i % phones.Count], $"Latency probe {i}");
            await page.WaitForFunctionAsync($"before => ({badgeText})() !== before", before, new() { PollingInterval = 5, Timeout = 10_000 });
            if (i >= 3) times.Add(watch.Elapsed.TotalMilliseconds); // the first few warm the JIT and the circuit
        }
        Report($"webhook POST -> badge in browser (n={times.Count})", times);
    }

    static async Task ThroughputAsync(IDbContextFactory<CrmDbContext> dbs, Poster poster, List<string> phones, int messages)
    {
        long Stored() { using var db = dbs.CreateDbContext(); return db.SmsMessages.LongCount(m => m.Direction == MessageDirection.INBOUND); }
        var before = Stored();
        var next = -1;
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < messages)
                if (!await poster.ReceivedAsync($"tp-{n}-{Guid.NewGuid():N}", phones[n % phones.Count], $"Throughput {n}")) Interlocked.Increment(ref failures);
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var stored = Stored() - before;
        Console.WriteLine($"webhook throughput: {messages:N0} inbound texts, 16 concurrent senders, {seconds:0.0} s = {messages / seconds:0} messages/s; stored {stored:N0}, non-2xx {failures}");
    }

    static void Report(string name, List<double> times)
    {
        times.Sort();
        double P(double p) => times[(int)Math.Ceiling(p * times.Count) - 1];
        Console.WriteLine($"{name,-44} {P(0.50),8:0.0} {P(0.95),8:0.0} {times[^1],8:0.0}");
    }

    /// <summary>Signs and posts gateway webhooks as the phone does.</summary>
    sealed class Poster(HttpClient http, string gatewayId, string key)
    {
        public async Task<bool> ReceivedAsync(string eventId, string from, string text)
        {
            var body = SmsWebhook.Envelope("sms:received", eventId,
                new { messageId = eventId[..8], message = text, sender = from, recipient = "+15125552100", simNumber = 1, receivedAt = DateTimeOffset.UtcNow },
                "bench", "bench");
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/sms-gateway/{gatewayId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Timestamp", timestamp);
            request.Headers.Add("X-Signature", SmsWebhook.Sign(key, body, timestamp));
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
    }
}
