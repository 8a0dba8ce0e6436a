using GpsLeaders.Data.Platform;
using Npgsql;

namespace GpsLeaders.Tests.Platform;

/// <summary>The embedded cluster (scripts/run's default) admits only the holder of its generated password.</summary>
public class EmbeddedClusterTests : IAsyncLifetime
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "crm-embedded-" + Guid.NewGuid().ToString("N")[..8]);
    string DataDir => Path.Combine(_root, "postgres");

    public Task InitializeAsync() { Directory.CreateDirectory(_root); return Task.CompletedTask; }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_cluster_uses_scram_with_a_password_kept_owner_only_beside_its_data()
    {
        await using var cluster = await LocalPostgresCluster.StartPersistentAsync(DataDir);
        var passwordFile = DataDir + ".password";
        Assert.True(File.Exists(passwordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));

        Assert.Equal(1, await ScalarAsync(cluster.ConnectionString("postgres"), "SELECT 1"));
        await AssertRefusedAsync(WithPassword(cluster, null));
        await AssertRefusedAsync(WithPassword(cluster, "wrong"));
    }

    [Fact]
    public async Task A_cluster_left_running_is_reused_knowingly_and_an_old_trust_cluster_gets_a_password()
    {
        await using var first = await LocalPostgresCluster.StartPersistentAsync(DataDir);
        Assert.False(first.FoundRunning);
        // Make it look like a cluster from before SCRAM: trust everywhere, no password file.
        File.Delete(DataDir + ".password");
        await File.WriteAllTextAsync(Path.Combine(DataDir, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        await ScalarAsync(first.ConnectionString("postgres"), "SELECT pg_reload_conf()::int");
        await Task.Delay(300);
        Assert.Equal(1, await ScalarAsync(WithPassword(first, null), "SELECT 1"));

        // The server is still up (as after a crash): a second start finds it, says so, and locks it down.
        var second = await LocalPostgresCluster.StartPersistentAsync(DataDir);
        Assert.True(second.FoundRunning);
        Assert.True(File.Exists(DataDir + ".password"));
        Assert.Equal(1, await ScalarAsync(second.ConnectionString("postgres"), "SELECT 1"));
        await Task.Delay(300);
        await AssertRefusedAsync(WithPassword(second, null));
        await second.DisposeAsync(); // did not start the server: leaves it running for whoever did
        Assert.Equal(1, await ScalarAsync(second.ConnectionString("postgres"), "SELECT 1"));
    }

    static string WithPassword(LocalPostgresCluster cluster, string? password) =>
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Password = password, Pooling = false }.ConnectionString;

    static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync());
    }

    static async Task AssertRefusedAsync(string connectionString)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ScalarAsync(connectionString, "SELECT 1"));
        Assert.True(error is PostgresException { SqlState: "28P01" } || error is NpgsqlException, error.ToString());
    }
}
