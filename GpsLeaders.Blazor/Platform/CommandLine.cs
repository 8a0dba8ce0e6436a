using System.Diagnostics;
using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Seeding;
using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// <c>GpsLeaders [serve]</c> runs the web app; <c>migrate</c>, <c>seed --demo</c>, <c>seed --size N</c> and
/// <c>create-admin --email E --password P [--first F --last L]</c> maintain the database. All of them
/// read the same configuration (appsettings.json, environment, <c>--Key=value</c> arguments).
/// </summary>
public static class CommandLine
{
    const string Usage = """
        usage: GpsLeaders [serve] [--urls URL]
               GpsLeaders migrate
               GpsLeaders seed --demo
               GpsLeaders seed --size N
               GpsLeaders create-admin --email EMAIL --password PASSWORD [--first NAME] [--last NAME]
               GpsLeaders healthcheck [--url URL]    exit 0 when URL (default http://127.0.0.1:8080/healthz) answers 200
        The database is ConnectionStrings__Default, or the embedded local cluster in .data/postgres when unset.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = command == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        try
        {
            return command switch
            {
                "serve" => await ServeAsync(rest),
                "migrate" => await WithDatabaseAsync(rest, MigrateAsync),
                "seed" => await WithDatabaseAsync(rest, SeedAsync),
                "create-admin" => await WithDatabaseAsync(rest, CreateAdminAsync),
                "healthcheck" => await HealthCheckAsync(new Options(rest)),
                "help" or "--help" => Print(Usage, 0),
                _ => Print($"Unknown command '{command}'.\n{Usage}", 2),
            };
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, message) in ex.Errors) Console.Error.WriteLine($"{field}: {message}");
            return 1;
        }
    }

    static async Task<int> ServeAsync(string[] args)
    {
        var app = CrmWebApp.Build(args);
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAsync(app).GetAwaiter().GetResult());
        await app.RunAsync();
        return 0;
    }

    static async Task AnnounceAsync(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.Select(a => a.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost").Replace("+", "localhost")).FirstOrDefault();
        var database = app.Services.GetRequiredService<AppDatabase>();
        Console.WriteLine();
        Console.WriteLine($"GPS Leaders CRM is running at {url}");
        Console.WriteLine($"Database: {(database.Embedded is null ? "ConnectionStrings:Default" : $"embedded cluster on 127.0.0.1:{database.Embedded.Port}")}");
        var signIns = await DemoData.ExistingSignInsAsync(database.ConnectionString);
        if (signIns.Count > 0)
        {
            Console.WriteLine("Demo sign-ins:");
            PrintSignIns(signIns);
        }
        Console.WriteLine();
    }

    static async Task<int> WithDatabaseAsync(string[] args, Func<AppDatabase, Options, Task<int>> run)
    {
        // Only --Key=value arguments are configuration; the rest are this command's own options.
        var builder = WebApplication.CreateSlimBuilder(args.Where(a => a.StartsWith("--") && a.Contains('=')).ToArray());
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var database = await AppDatabase.ResolveAsync(builder.Configuration, loggers.CreateLogger<AppDatabase>());
        return await run(database, new Options(args));
    }

    /// <summary>The container's HEALTHCHECK: the runtime image has no curl, but it has this executable.</summary>
    static async Task<int> HealthCheckAsync(Options options)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(options.Value("--url") ?? "http://127.0.0.1:8080/healthz");
            return Print($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}", response.IsSuccessStatusCode ? 0 : 1);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return Print($"unreachable: {ex.Message}", 1);
        }
    }

    static async Task<int> MigrateAsync(AppDatabase database, Options _)
    {
        var report = await SchemaMigrator.MigrateAsync(database.ConnectionString);
        Console.WriteLine(report);
        return 0;
    }

    static async Task<int> SeedAsync(AppDatabase database, Options options)
    {
        await SchemaMigrator.MigrateAsync(database.ConnectionString);
        if (options.Has("--demo"))
        {
            if (!await DemoData.IsEmptyAsync(database.ConnectionString))
                return Print("The database already has data; demo data is only seeded into an empty database.", 1);
            var signIns = await DemoData.SeedAsync(database.ConnectionString, CancellationToken.None);
            Console.WriteLine("Demo data seeded. Sign-ins:");
            PrintSignIns(signIns);
            return 0;
        }
        if (options.Value("--size") is { } sizeText)
        {
            if (!int.TryParse(sizeText, out var size) || size < 1)
                return Print($"--size: '{sizeText}' is not a positive whole number of companies.", 2);
            var result = await BulkData.SeedAsync(database.ConnectionString, size, new ConsoleProgress(), CancellationToken.None);
            foreach (var (table, rows) in result.RowsPerTable) Console.WriteLine($"  {table,-18} {rows,12:N0}");
            Console.WriteLine($"  {"total",-18} {result.TotalRows,12:N0} rows in {result.Elapsed.TotalSeconds:0.0} s ({result.RowsPerSecond:N0} rows/s)");
            return 0;
        }
        return Print("seed: say --demo or --size N.\n" + Usage, 2);
    }

    static async Task<int> CreateAdminAsync(AppDatabase database, Options options)
    {
        await SchemaMigrator.MigrateAsync(database.ConnectionString);
        var services = new ServiceCollection()
            .AddDbContextFactory<CrmDbContext>(o => o.UseCrmDatabase(database.ConnectionString))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<UserAccounts>()
            .BuildServiceProvider();
        var user = await services.GetRequiredService<UserAccounts>().CreateAdminAsync(
            options.Value("--email"), options.Value("--first"), options.Value("--last"), options.Value("--password"));
        Console.WriteLine($"Administrator {user.Email} is ready to sign in.");
        return 0;
    }

    static int Print(string message, int code)
    {
        (code == 0 ? Console.Out : Console.Error).WriteLine(message);
        return code;
    }

    sealed class Options(string[] args)
    {
        public bool Has(string flag) => args.Contains(flag);

        public string? Value(string flag)
        {
            var i = Array.IndexOf(args, flag);
            if (i >= 0 && i + 1 < args.Length) return args[i + 1];
            return args.FirstOrDefault(a => a.StartsWith(flag + "=", StringComparison.Ordinal))?[(flag.Length + 1)..];
        }
    }

    static void PrintSignIns(IEnumerable<DemoSignIn> signIns)
    {
        foreach (var s in signIns)
            Console.WriteLine($"  {s.Role,-9} {s.Email,-32} {s switch
            {
                { IsActive: false } => "(deactivated: shows the refusal)",
                { Role: nameof(UserRole.AI_AGENT) } => "(automation account: no web sign-in)",
                _ => s.Password,
            }}");
    }

    /// <summary>Progress written on the reporting thread, so lines come out in order.</summary>
    sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine(value);
    }
}
