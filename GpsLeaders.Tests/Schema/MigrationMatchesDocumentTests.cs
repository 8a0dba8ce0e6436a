using System.Text.RegularExpressions;
using GpsLeaders.Tests.Infrastructure;
using Npgsql;

namespace GpsLeaders.Tests.Schema;

/// <summary>
/// The migrated database against the source document (a copy of shared/spec/data-model.md):
/// tables, columns, types, nullability, defaults, enums, indexes and FK delete rules.
/// Every mismatch is collected, so one run shows them all.
/// </summary>

public sealed class MigrationMatchesDocumentTests
{
    /// <summary>
    /// Tables our migrations add beyond V2 (not in data-model.md, so not compared with it here; the EF-model test
    /// still checks them), each with the script that adds it.
    /// </summary>
    internal static readonly IReadOnlySet<string> BeyondV2Tables = new HashSet<string>
    {
        "user_sessions", // 0005: server-side sign-in sessions
    };

    private static readonly DataModelDocument Doc =
        DataModelDocument.Load(Path.Combine(AppContext.BaseDirectory, "Schema", "data-model.md"));

    /// <summary>
    /// Indexes our migrations add on top of V2, and the only ones the comparison tolerates besides the documented
    /// set: each must exist exactly like this, and any other undocumented index is still a difference.
    /// </summary>
    internal static readonly string[] IndexesBeyondV2 =
    [
        // 0008: trigram (GIN) indexes behind the companies grid's contains-search.
        "companies.companies_normalized_name_trgm_idx INDEX (normalized_name)",
        "companies.companies_website_trgm_idx INDEX (website)",
        "companies.companies_phone_trgm_idx INDEX (phone)",
    ];

    [Fact]
    public void Document_lists_42_tables_and_25_enums()
    {
        Assert.Equal(42, Doc.Tables.Count);
        Assert.Equal(25, Doc.Enums.Count);
        Assert.Equal(58, Doc.Tables.Sum(t => t.Relations.Count));
    }

    [Fact]
    public async Task Migrated_database_has_exactly_the_documented_schema()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var problems = new List<string>();
        void Expect(bool ok, string problem) { if (!ok) problems.Add(problem); }
        var enumNames = Doc.Enums.Select(e => e.Name).ToHashSet();

        // Enums: exactly the documented types, labels in documented order.
        var dbEnums = await RowsAsync(conn, """
            SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
            """);
        Expect(dbEnums.Count == 25, $"expected 25 enum types, found {dbEnums.Count}");
        foreach (var (name, labels) in Doc.Enums)
            Expect(dbEnums.Any(r => r[0] == name && r[1] == string.Join(", ", labels)),
                $"enum \"{name}\" ({string.Join(", ", labels)}) missing or different");
        foreach (var r in dbEnums) Expect(enumNames.Contains(r[0]), $"undocumented enum \"{r[0]}\"");

        // Tables: exactly the 42 documented ones besides the platform's own (migration history, job leases) and those beyond V2.
        var dbTables = (await RowsAsync(conn, $"""
            SELECT tablename FROM pg_tables WHERE schemaname = 'public'
              AND tablename NOT IN ({SchemaSnapshot.PlatformTableList})
            """)).Select(r => r[0]).ToHashSet();
        foreach (var t in BeyondV2Tables) Expect(dbTables.Remove(t), $"table {t} (beyond V2) missing");
        Expect(dbTables.Count == 42, $"expected 42 tables, found {dbTables.Count}");
        foreach (var t in Doc.Tables) Expect(dbTables.Contains(t.Table), $"table {t.Table} missing");
        foreach (var t in dbTables) Expect(Doc.Tables.Any(d => d.Table == t), $"undocumented table {t}");

        var dbColumns = (await RowsAsync(conn, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text, coalesce(pg_get_expr(d.adbin, d.adrelid), '')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """)).ToDictionary(r => (r[0], r[1]), r => (Type: r[2], NotNull: r[3] == "true", Default: r[4]));

        var dbForeignKeys = (await RowsAsync(conn, $"""
            SELECT t.relname, c.conname, a.attname, ft.relname, c.confdeltype::text
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class ft ON ft.oid = c.confrelid
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND t.relname NOT IN ({SchemaSnapshot.PlatformTableList})
            """)).Where(r => !BeyondV2Tables.Contains(r[0])).Select(r => $"{r[0]}.{r[1]} ({r[2]}) -> {r[3]} ON DELETE {r[4]}").ToHashSet();

        var dbIndexes = (await RowsAsync(conn, $"""
            SELECT t.relname, i.relname, x.indisunique::text, x.indisprimary::text,
                   array_to_string(ARRAY(
                       SELECT a.attname || CASE WHEN x.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                       FROM unnest(x.indkey) WITH ORDINALITY k(num, ord)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.num ORDER BY k.ord), ', ')
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname NOT IN ({SchemaSnapshot.PlatformTableList})
            """)).Where(r => !BeyondV2Tables.Contains(r[0])).ToList();

        var expectedForeignKeys = new HashSet<string>();
        var expectedIndexes = new HashSet<string>();
        foreach (var table in Doc.Tables)
        {
            foreach (var col in table.Columns)
            {
                if (!dbColumns.TryGetValue((table.Table, col.Column), out var db))
                {
                    problems.Add($"column {table.Table}.{col.Column} missing");
                    continue;
                }
                Expect(db.Type == ExpectedType(col.Type, enumNames),
                    $"{table.Table}.{col.Column}: type {db.Type}, documented {col.Type} (expected {ExpectedType(col.Type, enumNames)})");
                Expect(db.NotNull == !col.Nullable, $"{table.Table}.{col.Column}: {(db.NotNull ? "NOT NULL" : "nullable")}, documented Null={(col.Nullable ? "yes" : "no")}");
                Expect(db.Default == ExpectedDefault(col), $"{table.Table}.{col.Column}: default '{db.Default}', documented {col.Default} (expected '{ExpectedDefault(col)}')");
            }
            foreach (var ((t, c), _) in dbColumns.Where(kv => kv.Key.Item1 == table.Table))
                Expect(table.Columns.Any(dc => dc.Column == c), $"undocumented column {t}.{c}");

            foreach (var rel in table.Relations)
            {
                var column = table.ColumnOf(rel.Field);
                var target = Doc.Tables.SingleOrDefault(t => t.Model == rel.TargetModel)?.Table ?? $"<unknown model {rel.TargetModel}>";
                // Document's rule: explicit onDelete, else Prisma's default (Restrict if required, SetNull if optional).
                var rule = rel.OnDelete switch
                {
                    "Cascade" => "c",
                    "SetNull" => "n",
                    "Restrict" => "r",
                    null => column.Nullable ? "n" : "r",
                    var other => throw new FormatException($"unknown onDelete {other}"),
                };
                expectedForeignKeys.Add($"{table.Table}.{table.Table}_{column.Column}_fkey ({column.Column}) -> {target} ON DELETE {rule}");
            }

            expectedIndexes.Add($"{table.Table}.{table.Table}_pkey PRIMARY (id)");
            foreach (var ix in DataModelDocument.IndexesOf(table))
                expectedIndexes.Add($"{table.Table}.{ix.Name} {(ix.Unique ? "UNIQUE" : "INDEX")} ({string.Join(", ", ix.Columns)})");
        }

        expectedIndexes.UnionWith(IndexesBeyondV2);

        Compare("foreign key", expectedForeignKeys, dbForeignKeys, problems);
        Compare("index", expectedIndexes, dbIndexes.Select(r =>
            $"{r[0]}.{r[1]} {(r[3] == "true" ? "PRIMARY" : r[2] == "true" ? "UNIQUE" : "INDEX")} ({r[4]})").ToHashSet(), problems);

        Assert.True(problems.Count == 0, $"{problems.Count} differences from data-model.md:\n  " + string.Join("\n  ", problems));
    }

    private static string ExpectedType(string docType, HashSet<string> enums)
    {
        var dec = Regex.Match(docType, @"^Decimal\((\d+),(\d+)\)$");
        if (dec.Success) return $"numeric({dec.Groups[1].Value},{dec.Groups[2].Value})";
        return docType switch
        {
            "String" or "String @db.Text" => "text",
            "Int" => "integer",
            "Boolean" => "boolean",
            "DateTime" => "timestamp(3) without time zone",
            "DateTime @db.Date" => "date",
            "Json" => "jsonb",
            "String[]" => "text[]",
            _ when enums.Contains(docType) => $"\"{docType}\"",
            _ => $"<undocumented type {docType}>",
        };
    }

    /// <summary>The default as pg_get_expr prints it; uuid() and @updatedAt are the app's job, not the database's.</summary>
    private static string ExpectedDefault(DocColumn col) => col.Default switch
    {
        "—" or "— (array)" or "uuid()" or "@updatedAt" => "",
        "now()" => "CURRENT_TIMESTAMP",
        "true" or "false" or "0" => col.Default,
        var quoted when quoted.StartsWith('"') => $"'{quoted.Trim('"')}'::text",
        var label => $"'{label}'::\"{col.Type}\"",
    };

    private static void Compare(string what, HashSet<string> expected, HashSet<string> actual, List<string> problems)
    {
        problems.AddRange(expected.Except(actual).Order().Select(x => $"{what} missing: {x}"));
        problems.AddRange(actual.Except(expected).Order().Select(x => $"undocumented {what}: {x}"));
    }

    private static async Task<List<string[]>> RowsAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        return rows;
    }
}
