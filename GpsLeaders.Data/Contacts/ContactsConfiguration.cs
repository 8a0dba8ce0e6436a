using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Contacts;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("contacts");
        b.Property(x => x.IsSmsEligible).HasDefaultValueSql("false");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.EmailNormalized).IsUnique();
        b.HasIndex(x => x.CompanyId);
        b.HasIndex(x => x.PhoneE164);
        b.HasOne(x => x.Company).WithMany(x => x.Contacts).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}
