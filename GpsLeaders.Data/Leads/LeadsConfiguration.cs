using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Leads;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("leads");
        b.Property(x => x.Stage).HasDefaultValueSql("'NEW_LEAD'::\"LeadStage\"");
        b.Property(x => x.EstimatedRevenue).HasPrecision(10, 2);
        b.Property(x => x.PlusvibePaused).HasDefaultValueSql("false");
        b.Property(x => x.PlusvibeStopped).HasDefaultValueSql("false");
        b.Property(x => x.IsDnc).HasDefaultValueSql("false");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.CompanyId);
        b.HasIndex(x => x.ContactId);
        b.HasIndex(x => x.Stage);
        b.HasIndex(x => x.Source);
        b.HasIndex(x => x.CreatedAt);
        b.HasOne(x => x.Company).WithMany(x => x.Leads).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Contact).WithMany(x => x.Leads).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LeadScoreConfiguration : IEntityTypeConfiguration<LeadScore>
{
    public void Configure(EntityTypeBuilder<LeadScore> b)
    {
        b.ToTable("lead_scores");
        b.Property(x => x.QualityScore).HasDefaultValueSql("0");
        b.Property(x => x.EngagementScore).HasDefaultValueSql("0");
        b.Property(x => x.DealRisk).HasDefaultValueSql("'UNKNOWN'::\"DealRisk\"");
        b.HasIndex(x => x.LeadId).IsUnique();
        b.HasOne(x => x.Lead).WithOne(x => x.LeadScore).HasForeignKey<LeadScore>(x => x.LeadId).OnDelete(DeleteBehavior.Restrict);
    }
}
