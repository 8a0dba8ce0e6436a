using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Seeding;
using GpsLeaders.Tests.Infrastructure;
using Npgsql;

namespace GpsLeaders.Tests.Seeding;

/// <summary>A demo-seeded database cloned once from the run's demo template and shared read-only by the demo tests.</summary>
public sealed class SeedingCluster
{
    private readonly Lazy<Task<string>> _demo = new(TestDatabases.CreateWithDemoDataAsync);

    public async Task<(string ConnectionString, IReadOnlyList<DemoSignIn> SignIns)> DemoAsync() =>
        (await _demo.Value, DemoData.SignIns);
}

[CollectionDefinition(Name)]
public sealed class SeedingDatabaseCollection : ICollectionFixture<SeedingCluster>
{
    public const string Name = "Seeding database";
}

internal static class Db
{
    public static async Task<T> ScalarAsync<T>(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<T>> ListAsync<T>(string cs, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>Every contact has a valid US E.164 mobile, the time zone of its area code and a normalised email.</summary>
    public static async Task<List<(string E164, string Zone, string? Email, string? Normalized)>> AssertContactsValidAsync(string cs)
    {
        var contacts = await ListAsync(cs, "SELECT phone_e164, timezone, email, email_normalized FROM contacts",
            r => (E164: r.GetString(0), Zone: r.GetString(1), Email: r.IsDBNull(2) ? null : r.GetString(2), Normalized: r.IsDBNull(3) ? null : r.GetString(3)));
        Assert.NotEmpty(contacts);
        Assert.All(contacts, c =>
        {
            Assert.True(UsPhoneNumbers.IsValidE164(c.E164), c.E164);
            Assert.Equal(UsPhoneNumbers.TimeZoneOf(c.E164), c.Zone);
            Assert.Equal(EmailAddress.Normalize(c.Email), c.Normalized);
        });
        return contacts;
    }

    public static Task<long> CountAsync(string cs, string table) => ScalarAsync<long>(cs, $"SELECT count(*) FROM \"{table}\"");

    public static Task<List<string>> EnumLabelsAsync(string cs, string type) =>
        ListAsync(cs, $"SELECT unnest(enum_range(NULL::\"{type}\"))::text", r => r.GetString(0));

    /// <summary>Every foreign key of the public schema with its full definition, to prove a seed put them back unchanged.</summary>
    public static Task<List<string>> ForeignKeysAsync(string cs) => ListAsync(cs, """
        SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1
        """, r => r.GetString(0));
}
