using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Fulfillment;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.ToTable("devices");
        b.Property(x => x.Model).HasDefaultValueSql("'GL300'");
        b.Property(x => x.Status).HasDefaultValueSql("'IN_STOCK'::\"DeviceStatus\"");
        b.Property(x => x.ActivationDate).HasColumnType("date");
        b.Property(x => x.TrackingActive).HasDefaultValueSql("false");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.SerialNumber).IsUnique();
        b.HasIndex(x => x.Imei).IsUnique();
        b.HasIndex(x => x.SimCardId).IsUnique();
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.CompanyId);
        b.HasOne(x => x.Company).WithMany(x => x.Devices).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Invoice).WithMany(x => x.Devices).HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.SimCard).WithOne(x => x.Device).HasForeignKey<Device>(x => x.SimCardId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SimCardConfiguration : IEntityTypeConfiguration<SimCard>
{
    public void Configure(EntityTypeBuilder<SimCard> b)
    {
        b.ToTable("sim_cards");
        b.Property(x => x.Status).HasDefaultValueSql("'IN_STOCK'::\"SimStatus\"");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Iccid).IsUnique();
        b.HasIndex(x => x.Status);
    }
}

internal sealed class FulfillmentOrderConfiguration : IEntityTypeConfiguration<FulfillmentOrder>
{
    public void Configure(EntityTypeBuilder<FulfillmentOrder> b)
    {
        b.ToTable("fulfillment_orders");
        b.Property(x => x.Status).HasDefaultValueSql("'PENDING'::\"FulfillmentStatus\"");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.InvoiceId);
        b.HasOne(x => x.Invoice).WithMany(x => x.FulfillmentOrders).HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Company).WithMany(x => x.FulfillmentOrders).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FulfillmentItemConfiguration : IEntityTypeConfiguration<FulfillmentItem>
{
    public void Configure(EntityTypeBuilder<FulfillmentItem> b)
    {
        b.ToTable("fulfillment_items");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasOne(x => x.FulfillmentOrder).WithMany(x => x.Items).HasForeignKey(x => x.FulfillmentOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Device).WithMany(x => x.FulfillmentItems).HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SimCard).WithMany(x => x.FulfillmentItems).HasForeignKey(x => x.SimCardId).OnDelete(DeleteBehavior.SetNull);
    }
}
