using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Activities;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("activities");
        b.Property(x => x.Detail).HasColumnType("jsonb");
        b.Property(x => x.OccurredAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => new { x.LeadId, x.OccurredAt });
        b.HasIndex(x => x.CompanyId);
        b.HasIndex(x => x.ActivityType);
        b.HasOne(x => x.Lead).WithMany(x => x.Activities).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Company).WithMany(x => x.Activities).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Contact).WithMany(x => x.Activities).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.User).WithMany(x => x.Activities).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
