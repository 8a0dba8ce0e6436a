using Npgsql;

namespace GpsLeaders.Tests.Schema;

/// <summary>
/// The application part of a database schema read from pg_catalog, one comparable line per fact:
/// tables, columns (type with precision, nullability, default), enum labels in order, constraints
/// (PK, unique, FK with ON DELETE, check) and indexes (full definition: name, columns, order, uniqueness).
/// The platform's own tables beyond V2 (<see cref="PlatformTables"/>) are not part of it.
/// </summary>
internal sealed class SchemaSnapshot
{
    /// <summary>
    /// Tables beyond V2 that the EF model does not map and data-model.md does not document: the migration
    /// history and the scheduler's job leases (0007), both read and written with plain SQL.
    /// </summary>
    public static readonly string[] PlatformTables = ["__schema_migrations", "job_runs"];

    /// <summary>SQL list of <see cref="PlatformTables"/>, for <c>NOT IN (…)</c>.</summary>
    public static string PlatformTableList => string.Join(", ", PlatformTables.Select(t => $"'{t}'"));

    private static readonly string AppTables = $"""
        n.nspname = 'public' AND t.relkind = 'r' AND t.relname NOT IN ({PlatformTableList})
        """;

    public SortedSet<string> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>Foreign keys whose ON UPDATE is not CASCADE ("table.constraint: rule"), kept apart from <see cref="Lines"/>.</summary>
    public List<string> ForeignKeysWithoutUpdateCascade { get; } = [];

    public static async Task<SchemaSnapshot> CaptureAsync(string connectionString)
    {
        var s = new SchemaSnapshot();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();

        await ReadAsync(conn, $"""
            SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace WHERE {AppTables}
            """, r => s.Lines.Add($"table {r.GetString(0)}"));

        await ReadAsync(conn, $"""
            SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a
            JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE {AppTables} AND a.attnum > 0 AND NOT a.attisdropped
            """, r => s.Lines.Add(
                $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} {(r.GetBoolean(3) ? "NOT NULL" : "NULL")}" +
                (r.IsDBNull(4) ? "" : $" DEFAULT {r.GetString(4)}")));

        await ReadAsync(conn, """
            SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' GROUP BY t.typname
            """, r => s.Lines.Add($"enum \"{r.GetString(0)}\" ({string.Join(", ", r.GetFieldValue<string[]>(1))})"));

        await ReadAsync(conn, $"""
            SELECT t.relname, c.conname, c.contype::text,
                   (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num),
                   ft.relname,
                   (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(num, ord)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num),
                   c.confdeltype::text, c.confupdtype::text, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class ft ON ft.oid = c.confrelid
            WHERE {AppTables}
            """, r =>
            {
                var (table, name, type) = (r.GetString(0), r.GetString(1), r.GetString(2));
                var cols = r.IsDBNull(3) ? "" : string.Join(", ", r.GetFieldValue<string[]>(3));
                switch (type)
                {
                    case "p": s.Lines.Add($"constraint {table}.{name} PRIMARY KEY ({cols})"); break;
                    case "u": s.Lines.Add($"constraint {table}.{name} UNIQUE ({cols})"); break;
                    case "f":
                        s.Lines.Add($"constraint {table}.{name} FOREIGN KEY ({cols}) REFERENCES {r.GetString(4)}" +
                                    $"({string.Join(", ", r.GetFieldValue<string[]>(5))}) ON DELETE {Rule(r.GetString(6))}");
                        if (r.GetString(7) != "c") s.ForeignKeysWithoutUpdateCascade.Add($"{table}.{name}: {Rule(r.GetString(7))}");
                        break;
                    default: s.Lines.Add($"constraint {table}.{name} {r.GetString(8)}"); break;
                }
            });

        await ReadAsync(conn, $"""
            SELECT t.relname, i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE {AppTables}
            """, r => s.Lines.Add($"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        return s;
    }

    /// <summary>Readable difference, empty when equal.</summary>
    public static string Diff(SchemaSnapshot expected, string expectedName, SchemaSnapshot actual, string actualName)
    {
        var missing = expected.Lines.Except(actual.Lines).ToList();
        var extra = actual.Lines.Except(expected.Lines).ToList();
        if (missing.Count == 0 && extra.Count == 0) return "";
        return $"Only in {expectedName} ({missing.Count}):\n  " + string.Join("\n  ", missing) +
               $"\nOnly in {actualName} ({extra.Count}):\n  " + string.Join("\n  ", extra);
    }

    private static string Rule(string code) => code switch
    {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => code,
    };

    private static async Task ReadAsync(NpgsqlConnection conn, string sql, Action<NpgsqlDataReader> row)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) row(reader);
    }
}
