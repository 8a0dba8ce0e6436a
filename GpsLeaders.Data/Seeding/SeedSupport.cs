using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace GpsLeaders.Data.Seeding;

/// <summary>Pieces the demo and bulk seeders share: connections, the tag catalog, name pools, password hashes.</summary>
internal static class SeedSupport
{
    /// <summary>
    /// Seeding runs long statements, so no command timeout (30 s would cut a large COPY short); and no pooling,
    /// so a seeded database is left with no idle session (a template database cannot be cloned while one is open).
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>timestamp(3) keeps milliseconds; trimming here makes written and read-back values equal.</summary>
    public static DateTime UtcNowMs()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    public static string HashPassword(string password) => new PasswordHasher<object>().HashPassword(null!, password);

    /// <summary>Adds the catalog tags that are missing (by slug); existing tags are left as the operator edited them.</summary>
    public static async Task<int> EnsureTagsAsync(NpgsqlConnection connection, DateTime now, CancellationToken ct)
    {
        var tags = SeedCatalog.Tags;
        await using var command = new NpgsqlCommand("""
            INSERT INTO tags (id, slug, name, category, color, description, is_system, is_active, sort_order, created_at, updated_at)
            SELECT t.id, t.slug, t.name, t.category::"TagCategory", t.color, t.description, t.is_system, true, t.sort_order, @now, @now
            FROM unnest(@ids, @slugs, @names, @categories, @colors, @descriptions, @systems, @orders)
                AS t(id, slug, name, category, color, description, is_system, sort_order)
            ON CONFLICT (slug) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("now", NpgsqlTypes.NpgsqlDbType.Timestamp, DateTime.SpecifyKind(now, DateTimeKind.Unspecified));
        command.Parameters.AddWithValue("ids", tags.Select(_ => Guid.CreateVersion7().ToString()).ToArray());
        command.Parameters.AddWithValue("slugs", tags.Select(t => t.Slug).ToArray());
        command.Parameters.AddWithValue("names", tags.Select(t => t.Name).ToArray());
        command.Parameters.AddWithValue("categories", tags.Select(t => t.Category).ToArray());
        command.Parameters.AddWithValue("colors", tags.Select(t => t.Color).ToArray());
        command.Parameters.AddWithValue("descriptions", tags.Select(t => t.Description).ToArray());
        command.Parameters.AddWithValue("systems", tags.Select(t => t.IsSystem).ToArray());
        command.Parameters.AddWithValue("orders", tags.Select((_, i) => i * 10).ToArray());
        return await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Minimal JSON string quoting for hand-built activity details (millions of rows: no serializer per row).</summary>
internal static class Json
{
    public static string Str(string? value)
    {
        if (value is null) return "null";
        if (!value.AsSpan().ContainsAny(MustEscape)) return string.Concat("\"", value, "\"");
        return System.Text.Json.JsonSerializer.Serialize(value);
    }

    private static readonly System.Buffers.SearchValues<char> MustEscape = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");
}
