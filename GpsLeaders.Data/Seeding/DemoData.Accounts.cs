using Npgsql;

namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    /// <summary>The demo account that exists but is deactivated, to show what a refused sign-in looks like.</summary>
    public const string InactiveEmail = "inactive@gpsleaders.test";

    /// <summary>True when the database holds no users and no companies: only then is demo data seeded on start.</summary>
    public static async Task<bool> IsEmptyAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = await SeedSupport.OpenAsync(connectionString, ct);
        await using var command = new NpgsqlCommand(
            "SELECT NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM companies)", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The demo accounts this database still has, active and with their role as stored now, so the start banner
    /// never advertises an account that an administrator has since removed or deactivated.
    /// </summary>
    public static async Task<IReadOnlyList<DemoSignIn>> ExistingSignInsAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = await SeedSupport.OpenAsync(connectionString, ct);
        await using var command = new NpgsqlCommand(
            "SELECT email, role::text, is_active FROM users WHERE email = ANY(@emails)", connection);
        command.Parameters.AddWithValue("emails", SignIns.Select(s => s.Email).ToArray());
        var present = new Dictionary<string, (string Role, bool Active)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) present[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2));
        return SignIns.Where(s => present.ContainsKey(s.Email))
            .Select(s => s with { Role = present[s.Email].Role, IsActive = present[s.Email].Active })
            .ToArray();
    }
}
