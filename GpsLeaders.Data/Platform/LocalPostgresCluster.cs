using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GpsLeaders.Data.Platform;

/// <summary>
/// A PostgreSQL cluster in a folder of our own, started with initdb + pg_ctl on a loopback port.
/// It is the app's embedded default (no connection string given) and the test run's database.
/// Connections authenticate with SCRAM: the superuser's password is generated at initdb and kept beside the
/// data folder (<c>&lt;dataDir&gt;.password</c>, owner-only), so another local user cannot walk in on the port.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    public const string Superuser = "crm";
    const string PortFile = "crm-port";

    readonly string _dataDir;
    readonly bool _throwaway;
    readonly string _binDir;
    bool _startedByUs;

    LocalPostgresCluster(string dataDir, bool throwaway)
    {
        _dataDir = Path.GetFullPath(dataDir);
        _throwaway = throwaway;
        _binDir = FindBinDir();
    }

    public int Port { get; private set; }

    string _password = "";

    /// <summary>True when the server was already running when we came to start it (a run that crashed, or another instance).</summary>
    public bool FoundRunning { get; private set; }

    string PasswordPath => _dataDir.TrimEnd(Path.DirectorySeparatorChar) + ".password";

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Password={_password};Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>A cluster that lives in <paramref name="dataDir"/> and outlives the process (the embedded default).</summary>
    public static Task<LocalPostgresCluster> StartPersistentAsync(string dataDir, CancellationToken ct = default) =>
        StartAsync(new LocalPostgresCluster(dataDir, throwaway: false), ct);

    /// <summary>A cluster in a fresh temp folder, tuned for speed over durability, deleted on dispose.</summary>
    public static Task<LocalPostgresCluster> StartThrowawayAsync(CancellationToken ct = default) =>
        StartAsync(new LocalPostgresCluster(Path.Combine(Path.GetTempPath(), "crm-pg-" + Guid.NewGuid().ToString("N")[..12]), throwaway: true), ct);

    static async Task<LocalPostgresCluster> StartAsync(LocalPostgresCluster cluster, CancellationToken ct)
    {
        await cluster.InitAsync(ct);
        await cluster.StartServerAsync(ct);
        await cluster.RequirePasswordAsync(ct);
        return cluster;
    }

    /// <summary>Creates <paramref name="database"/> if missing, optionally as a copy of <paramref name="template"/>.</summary>
    public async Task CreateDatabaseAsync(string database, string? template = null, CancellationToken ct = default)
    {
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        var sql = $"CREATE DATABASE \"{database}\"" + (template is null ? "" : $" TEMPLATE \"{template}\"");
        await using var create = new Npgsql.NpgsqlCommand(sql, conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    async Task InitAsync(CancellationToken ct)
    {
        var portPath = Path.Combine(_dataDir, PortFile);
        if (File.Exists(Path.Combine(_dataDir, "PG_VERSION")))
        {
            Port = int.Parse(await File.ReadAllTextAsync(portPath, ct));
            if (File.Exists(PasswordPath)) _password = (await File.ReadAllTextAsync(PasswordPath, ct)).Trim();
            return;
        }
        Directory.CreateDirectory(_dataDir);
        GiveToServerUser(_dataDir);
        _password = NewPassword();
        if (!_throwaway) await WriteOwnerOnlyAsync(PasswordPath, _password, ct);
        // initdb reads the password from a file; as root it runs as 'postgres', who must be able to read it.
        var pwFile = Path.Combine(Path.GetTempPath(), "crm-pw-" + Guid.NewGuid().ToString("N"));
        await WriteOwnerOnlyAsync(pwFile, _password, ct);
        GiveToServerUser(pwFile);
        try
        {
            await RunAsync("initdb", ["-D", _dataDir, "-U", Superuser, "--auth=scram-sha-256", "--pwfile=" + pwFile, "-E", "UTF8", "--locale=C", "--no-sync"], ct);
        }
        finally { File.Delete(pwFile); }
        Port = FreePort();
        // Unix sockets live in the data folder: /var/run/postgresql may not exist or be writable.
        var conf = $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{_dataDir}'
            max_connections = 300
            shared_buffers = 128MB
            """ + (_throwaway ? "\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" : "\n");
        await File.AppendAllTextAsync(Path.Combine(_dataDir, "postgresql.conf"), conf, ct);
        await File.WriteAllTextAsync(portPath, Port.ToString(), ct);
        GiveToServerUser(portPath);
    }

    async Task StartServerAsync(CancellationToken ct)
    {
        // A server already up on this folder was left by a run that did not stop it (a crash, a kill) or belongs to
        // another instance of the app: reuse it and leave it running at exit, since we did not start it.
        if (await IsRunningAsync(ct)) { FoundRunning = true; return; }
        var log = Path.Combine(_dataDir, "server.log");
        await RunAsync("pg_ctl", ["-D", _dataDir, "-l", log, "-w", "-t", "60", "start"], ct);
        _startedByUs = true;
    }

    /// <summary>
    /// Clusters made before SCRAM (initdb -A trust, no password file) get a password and a SCRAM-only pg_hba.conf,
    /// applied with a reload; clusters made with a password need nothing.
    /// </summary>
    async Task RequirePasswordAsync(CancellationToken ct)
    {
        if (_password.Length > 0) return;
        _password = NewPassword();
        await using (var conn = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={Superuser};Database=postgres;Pooling=false"))
        {
            await conn.OpenAsync(ct);
            await using var alter = new Npgsql.NpgsqlCommand($"SET password_encryption = 'scram-sha-256'; ALTER ROLE {Superuser} PASSWORD '{_password}'", conn);
            await alter.ExecuteNonQueryAsync(ct);
        }
        var hba = Path.Combine(_dataDir, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, """
            # Written by GPS Leaders CRM: every connection proves the superuser's password (SCRAM).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256

            """, ct);
        GiveToServerUser(hba);
        await WriteOwnerOnlyAsync(PasswordPath, _password, ct);
        await RunAsync("pg_ctl", ["-D", _dataDir, "reload"], ct);
    }

    // Hex keeps it free of characters that would need quoting in a connection string or in SQL.
    static string NewPassword() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken ct)
    {
        await File.WriteAllTextAsync(path, text, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        var (code, _) = await RunRawAsync("pg_ctl", ["-D", _dataDir, "status"], ct);
        return code == 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedByUs)
            await RunRawAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        if (_throwaway)
        {
            try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Stops the server if this process started it (the persistent cluster keeps its data).</summary>
    public Task StopAsync() => DisposeAsync().AsTask();

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string FindBinDir()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql; install them with: apt-get install -y postgresql");
    }

    // initdb and postgres refuse to run as root, so as root we run them as the 'postgres' system user.
    static bool RunningAsRoot => Environment.UserName == "root";

    static void GiveToServerUser(string path)
    {
        if (!RunningAsRoot) return;
        using var p = Process.Start(new ProcessStartInfo("chown", ["-R", "postgres:postgres", path]) { RedirectStandardError = true })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"chown {path} failed: {p.StandardError.ReadToEnd()}");
    }

    async Task RunAsync(string tool, string[] args, CancellationToken ct)
    {
        var (code, output) = await RunRawAsync(tool, args, ct);
        if (code != 0) throw new InvalidOperationException($"{tool} failed ({code}): {output}");
    }

    async Task<(int Code, string Output)> RunRawAsync(string tool, string[] args, CancellationToken ct)
    {
        var exe = Path.Combine(_binDir, tool);
        var psi = RunningAsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", exe, .. args]) : new ProcessStartInfo(exe, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        // The server's own output goes to -l's log file, so these pipes close when the tool exits.
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await stdout + await stderr);
    }
}
