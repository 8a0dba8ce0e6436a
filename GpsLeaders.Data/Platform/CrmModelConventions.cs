using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GpsLeaders.Data.Platform;

/// <summary>
/// Model-wide rules of the V2 (Prisma) schema, applied after the per-feature configurations:
/// snake_case columns, Prisma-style key / FK / index names, xmin row versions, and
/// database defaults that EF must not mistake for generated values.
/// </summary>
internal static class CrmModelConventions
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()
                ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");

            if (typeof(IHasUpdatedAt).IsAssignableFrom(entity.ClrType))
            {
                // xmin is a system column: nothing to migrate, and Npgsql reads it back on every save.
                modelBuilder.Entity(entity.ClrType).Property(nameof(IHasUpdatedAt.Version))
                    .IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
            }

            foreach (var property in entity.GetProperties())
            {
                if (property.Name == nameof(IHasUpdatedAt.Version) && property.IsConcurrencyToken) continue;
                property.SetColumnName(ToSnakeCase(property.Name));
                // Defaults exist for raw SQL / COPY; entity initialisers carry the same values, so EF
                // always sends the property (otherwise false/0/first-enum-member would be replaced by the default).
                if (property.GetDefaultValueSql() is not null) property.ValueGenerated = ValueGenerated.Never;
            }

            entity.FindPrimaryKey()?.SetName($"{table}_pkey");

            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName($"{table}_{Columns(fk.Properties)}_fkey");

            // Named ones (unique_active_tag, task_run_step_unique) keep their names.
            foreach (var index in entity.GetIndexes().Where(i => i.Name is null))
                index.SetDatabaseName($"{table}_{Columns(index.Properties)}_{(index.IsUnique ? "key" : "idx")}");
        }
    }

    private static string Columns(IEnumerable<IReadOnlyProperty> properties)
        => string.Join('_', properties.Select(p => ToSnakeCase(p.Name)));

    /// <summary>PhoneE164 → phone_e164, AddressLine1 → address_line1 (digits never start a word).</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
