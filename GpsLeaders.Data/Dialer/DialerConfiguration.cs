using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Dialer;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class CallListConfiguration : IEntityTypeConfiguration<CallList>
{
    public void Configure(EntityTypeBuilder<CallList> b)
    {
        b.ToTable("call_lists");
        b.Property(x => x.FilterCriteria).HasColumnType("jsonb");
        b.Property(x => x.Position).HasDefaultValueSql("0");
        b.Property(x => x.IsActive).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
    }
}

internal sealed class VoicemailDropConfiguration : IEntityTypeConfiguration<VoicemailDrop>
{
    public void Configure(EntityTypeBuilder<VoicemailDrop> b)
    {
        b.ToTable("voicemail_drops");
        b.Property(x => x.IsDefault).HasDefaultValueSql("false");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
    }
}
