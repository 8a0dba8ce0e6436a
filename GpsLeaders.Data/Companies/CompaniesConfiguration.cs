using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Companies;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.ToTable("companies");
        b.Property(x => x.GoogleRating).HasPrecision(2, 1);
        b.Property(x => x.Taxable).HasDefaultValueSql("true");
        b.Property(x => x.Status).HasDefaultValueSql("'LEAD'::\"CompanyStatus\"");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.GooglePlaceId).IsUnique();
        b.HasIndex(x => x.NormalizedName);
        b.HasIndex(x => x.IcpTag);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.AssignedRepId);
        // Beyond V2 (migration 0008): trigram indexes for the grid's contains-search, which a B-tree cannot serve.
        b.HasIndex(x => x.NormalizedName, "companies_normalized_name_trgm_idx").HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(x => x.Website, "companies_website_trgm_idx").HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(x => x.Phone, "companies_phone_trgm_idx").HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasOne(x => x.AssignedRep).WithMany(x => x.AssignedCompanies).HasForeignKey(x => x.AssignedRepId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CompanyAddressConfiguration : IEntityTypeConfiguration<CompanyAddress>
{
    public void Configure(EntityTypeBuilder<CompanyAddress> b)
    {
        b.ToTable("company_addresses");
        b.Property(x => x.Country).HasDefaultValueSql("'US'");
        b.Property(x => x.IsDefaultBilling).HasDefaultValueSql("false");
        b.Property(x => x.IsDefaultShipping).HasDefaultValueSql("false");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.CompanyId);
        b.HasOne(x => x.Company).WithMany(x => x.Addresses).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
