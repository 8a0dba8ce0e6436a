using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace GpsLeaders.Data.Platform;

/// <summary>The one place the web app, commands and tests configure <see cref="CrmDbContext"/>.</summary>
public static class CrmDatabase
{
    public static DbContextOptionsBuilder UseCrmDatabase(
        this DbContextOptionsBuilder builder, string connectionString, Action<NpgsqlDbContextOptionsBuilder>? npgsql = null)
        => builder.UseNpgsql(connectionString, o =>
        {
            foreach (var e in CrmEnums.All) o.MapEnum(e.ClrType, e.PgName, schemaName: null, CrmEnums.NameTranslator);
            npgsql?.Invoke(o);
        });

    public static DbContextOptionsBuilder<TContext> UseCrmDatabase<TContext>(
        this DbContextOptionsBuilder<TContext> builder, string connectionString, Action<NpgsqlDbContextOptionsBuilder>? npgsql = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)builder).UseCrmDatabase(connectionString, npgsql);

    /// <summary>Options for a context on <paramref name="connectionString"/> (tests, commands).</summary>
    public static DbContextOptions<CrmDbContext> Options(string connectionString)
        => new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(connectionString).Options;
}
