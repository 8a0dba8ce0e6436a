using GpsLeaders.Data.Contacts;
using Bogus;
using Npgsql;

namespace GpsLeaders.Data.Seeding;

/// <summary>A demo account: sign in with <see cref="Email"/> and <see cref="Password"/>.</summary>
public sealed record DemoSignIn(string Email, string Password, string Role, bool IsActive);

/// <summary>
/// A small, realistic, deterministic demo data set (~150 companies with contacts, leads in every stage, tags,
/// notes, tasks, timelines, inventory and every reference table), written by binary COPY in one transaction.
/// Content comes from a fixed Bogus seed; ids are fresh UUIDv7s and dates are relative to now.
/// Idempotent: if the demo admin already exists nothing is written and the same sign-ins are returned.
/// </summary>
public static partial class DemoData
{
    public const string Password = "Demo!2345";
    public const int CompanyCount = 150;
    private const int FakerSeed = 8_675_309;
    private const long SeedLockKey = 0x4750_4C5F_5345_4544; // "GPL_SEED"; distinct from the migrator's key

    private static readonly (string Email, string First, string Last, string Role, bool Active)[] Accounts =
    [
        ("admin@gpsleaders.test", "Alex", "Morgan", "ADMIN", true),
        ("nick@gpsleaders.test", "Nick", "Russo", "NICK", true),
        ("operator@gpsleaders.test", "Olivia", "Chen", "OPERATOR", true),
        ("rep1@gpsleaders.test", "Marcus", "Reed", "REP", true),
        ("rep2@gpsleaders.test", "Priya", "Nair", "REP", true),
        ("rep3@gpsleaders.test", "Diego", "Alvarez", "REP", true),
        ("agent@gpsleaders.test", "Atlas", "Agent", "AI_AGENT", true),
        ("inactive@gpsleaders.test", "Hannah", "Brooks", "REP", false),
    ];

    public static IReadOnlyList<DemoSignIn> SignIns { get; } =
        Accounts.Select(a => new DemoSignIn(a.Email, Password, a.Role, a.Active)).ToArray();

    public static async Task<IReadOnlyList<DemoSignIn>> SeedAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = await SeedSupport.OpenAsync(connectionString, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Serialises concurrent demo seeds (two app instances starting on an empty database).
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", SeedLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        if (await DemoPresentAsync(connection, ct)) return SignIns;

        var seed = new Seeder(connection, SeedSupport.UtcNowMs(), ct);
        await seed.UsersAsync();
        await seed.ReferenceTablesAsync();
        await seed.CrmAsync();
        await seed.WorkAsync();
        await seed.CallListsAsync();
        await seed.InventoryAsync();
        await tx.CommitAsync(ct);
        return SignIns;
    }

    private static async Task<bool> DemoPresentAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM users WHERE email = @email)", connection);
        command.Parameters.AddWithValue("email", Accounts[0].Email);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private sealed record DemoUser(string Id, string Email, string FirstName, string LastName, string Role, bool IsActive);

    /// <summary>One demo seeding run: a Faker with the fixed seed, the clock, and what earlier steps created.</summary>
    private sealed partial class Seeder(NpgsqlConnection connection, DateTime now, CancellationToken ct)
    {
        private readonly Faker _f = new("en") { Random = new Randomizer(FakerSeed) };
        private readonly List<DemoUser> _users = [];

        private DemoUser Admin => _users[0];
        private DemoUser Nick => _users[1];
        private IEnumerable<DemoUser> ActiveReps => _users.Where(u => u.Role == "REP" && u.IsActive);

        private Task<TableCopy> CopyAsync(string table, string columns) => TableCopy.StartAsync(connection, table, columns, ct);

        private static string NewId() => Guid.CreateVersion7().ToString();

        private static string ToJson(object value) => System.Text.Json.JsonSerializer.Serialize(value, JsonOptions);

        // Property names exactly as written (no camel-casing: "NEW_LEAD" keys must survive).
        private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new();

        public async Task UsersAsync()
        {
            await using var copy = await CopyAsync("users", "id, email, password_hash, first_name, last_name, role, phone, is_active, " +
                "invited_by_id, invited_at, last_login_at, created_at, updated_at");
            // Each account gets its own salted hash of the same known demo password.
            var hashes = Accounts.AsParallel().AsOrdered().Select(_ => SeedSupport.HashPassword(Password)).ToArray();
            for (var i = 0; i < Accounts.Length; i++)
            {
                var (email, first, last, role, active) = Accounts[i];
                var user = new DemoUser(NewId(), email, first, last, role, active);
                _users.Add(user);
                var created = now.AddDays(-400 + i * 20);
                var invited = i > 0;
                copy.Row().Text(user.Id).Text(email).Text(hashes[i]).Text(first).Text(last).Enum(role)
                    .Text(role == "AI_AGENT" ? null : UsPhoneNumbers.Generate(_f.Random.GetRandom(), "818"))
                    .Bool(active).Text(invited ? Admin.Id : null).Timestamp(invited ? created : null)
                    .Timestamp(active && role != "AI_AGENT" ? now.AddHours(-_f.Random.Int(1, 72)) : null)
                    .Timestamp(created).Timestamp(active ? created : now.AddDays(-30));
            }
            await copy.CompleteAsync(ct);
        }
    }
}

internal static class RandomizerExtensions
{
    /// <summary>A System.Random drawn from the Faker's seeded stream, for generators that take one.</summary>
    public static Random GetRandom(this Randomizer randomizer) => new(randomizer.Int());
}
