using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Taxonomy;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class TaxonomyValueConfiguration : IEntityTypeConfiguration<TaxonomyValue>
{
    public void Configure(EntityTypeBuilder<TaxonomyValue> b)
    {
        b.ToTable("taxonomy_values");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => new { x.Type, x.Value }).IsUnique();
        b.HasIndex(x => new { x.Type, x.Active, x.SortOrder });
    }
}
