using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.ToTable("tags");
        b.Property(x => x.IsSystem).HasDefaultValueSql("false");
        b.Property(x => x.IsActive).HasDefaultValueSql("true");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Category, x.IsActive, x.SortOrder });
    }
}

internal sealed class LeadTagConfiguration : IEntityTypeConfiguration<LeadTag>
{
    public void Configure(EntityTypeBuilder<LeadTag> b)
    {
        b.ToTable("lead_tags");
        b.Property(x => x.AppliedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.Property(x => x.AppliedBy).HasDefaultValueSql("'nick'");
        b.HasIndex(x => new { x.LeadId, x.TagSlug }, "unique_active_tag").IsUnique();
        b.HasIndex(x => x.TagSlug);
        b.HasOne(x => x.Lead).WithMany(x => x.Tags).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Restrict);
    }
}
