using GpsLeaders.Data;
using GpsLeaders.Data.Platform;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GpsLeaders.Tests.Schema;

/// <summary>
/// STACK gap 2: migrations are hand-written SQL, so this proves the migrated database is exactly
/// what the EF model would create (tables, columns, defaults, enums, keys, indexes, FKs).
/// </summary>

public sealed class MigrationMatchesEfModelTests
{
    [Fact]
    public async Task Migrated_database_equals_the_schema_EF_generates_from_the_model()
    {
        var migrated = await TestDatabases.CreateMigratedAsync();

        var fromModel = await TestDatabases.CreateEmptyAsync();
        string script;
        await using (var db = new CrmDbContext(CrmDatabase.Options(fromModel)))
            script = db.Database.GenerateCreateScript();
        await using (var conn = new NpgsqlConnection(fromModel))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(script, conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var expected = await SchemaSnapshot.CaptureAsync(fromModel);
        var actual = await SchemaSnapshot.CaptureAsync(migrated);

        Assert.Contains("table activities", expected.Lines);
        var diff = SchemaSnapshot.Diff(expected, "EF model", actual, "migrated database");
        Assert.True(diff.Length == 0, "Migrated schema differs from the EF model:\n" + diff);
    }

    [Fact]
    public async Task Every_foreign_key_cascades_on_update_like_Prisma()
    {
        // EF cannot express ON UPDATE, so this is checked apart from the model comparison.
        var migrated = await SchemaSnapshot.CaptureAsync(await TestDatabases.CreateMigratedAsync());
        Assert.Equal(58 + 1, migrated.Lines.Count(l => l.Contains(" FOREIGN KEY "))); // V2's 58 and user_sessions (0005)
        Assert.Empty(migrated.ForeignKeysWithoutUpdateCascade);
    }
}
