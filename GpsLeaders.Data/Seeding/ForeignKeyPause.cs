using Npgsql;

namespace GpsLeaders.Data.Seeding;

/// <summary>
/// "Remove foreign key constraints" from PostgreSQL's Populating a Database advice, done inside the seeding
/// transaction: row-by-row RI checks (a FOR KEY SHARE lock per referenced row) cost ~80 % of a bulk COPY,
/// while re-adding the same constraints validates every row again with one join per key. The definitions
/// are read from pg_constraint, so names and ON DELETE / ON UPDATE actions come back exactly as they were.
/// A failure rolls the transaction back, constraints included. The tables are locked ACCESS EXCLUSIVE until commit.
/// </summary>
internal sealed class ForeignKeyPause
{
    private readonly List<(string Table, string Name, string Definition)> _dropped;

    private ForeignKeyPause(List<(string, string, string)> dropped) => _dropped = dropped;

    public int Count => _dropped.Count;

    public static async Task<ForeignKeyPause> DropAsync(NpgsqlConnection connection, string[] tables, CancellationToken ct)
    {
        var dropped = new List<(string, string, string)>();
        await using (var query = new NpgsqlCommand("""
            SELECT format('%I.%I', n.nspname, r.relname), c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class r ON r.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = r.relnamespace
            WHERE c.contype = 'f' AND c.conrelid = ANY (SELECT to_regclass(t) FROM unnest(@tables) AS t)
            ORDER BY 1, 2
            """, connection))
        {
            query.Parameters.AddWithValue("tables", tables);
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) dropped.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, _) in dropped)
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", ct);
        return new ForeignKeyPause(dropped);
    }

    /// <summary>Re-adds every dropped constraint, validating all rows (old and new) against their parents.</summary>
    public async Task RestoreAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var (table, name, definition) in _dropped)
            await ExecuteAsync(connection, $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}", ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
