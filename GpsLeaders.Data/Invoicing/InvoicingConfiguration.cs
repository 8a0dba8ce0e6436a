using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Invoicing;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.ToTable("invoices");
        b.Property(x => x.Status).HasDefaultValueSql("'DRAFT'::\"InvoiceStatus\"");
        b.Property(x => x.Subtotal).HasPrecision(10, 2);
        b.Property(x => x.TaxAmount).HasPrecision(10, 2).HasDefaultValueSql("0");
        b.Property(x => x.Total).HasPrecision(10, 2);
        b.Property(x => x.AmountPaid).HasPrecision(10, 2).HasDefaultValueSql("0");
        b.Property(x => x.BalanceDue).HasPrecision(10, 2);
        b.Property(x => x.ShippingCost).HasPrecision(10, 2);
        b.Property(x => x.DueDate).HasColumnType("date");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.InvoiceNumber).IsUnique();
        b.HasIndex(x => x.PaymentToken).IsUnique();
        b.HasIndex(x => x.CompanyId);
        b.HasIndex(x => x.BillToAddressId);
        b.HasIndex(x => x.ShipToAddressId);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.AgreementTemplateId);
        b.HasIndex(x => x.TaxRateId);
        b.HasOne(x => x.Lead).WithMany(x => x.Invoices).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Company).WithMany(x => x.Invoices).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.BillToAddress).WithMany(x => x.BilledInvoices).HasForeignKey(x => x.BillToAddressId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.ShipToAddress).WithMany(x => x.ShippedInvoices).HasForeignKey(x => x.ShipToAddressId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.AgreementTemplate).WithMany(x => x.Invoices).HasForeignKey(x => x.AgreementTemplateId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.TaxRate).WithMany(x => x.Invoices).HasForeignKey(x => x.TaxRateId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Backend).WithMany(x => x.Invoices).HasForeignKey(x => x.BackendId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Carrier).WithMany(x => x.Invoices).HasForeignKey(x => x.CarrierId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.ShippingType).WithMany(x => x.Invoices).HasForeignKey(x => x.ShippingTypeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.PaymentTerm).WithMany(x => x.Invoices).HasForeignKey(x => x.PaymentTermId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.ContractTerm).WithMany(x => x.Invoices).HasForeignKey(x => x.ContractTermId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InvoiceLineItemConfiguration : IEntityTypeConfiguration<InvoiceLineItem>
{
    public void Configure(EntityTypeBuilder<InvoiceLineItem> b)
    {
        b.ToTable("invoice_line_items");
        b.Property(x => x.UnitPrice).HasPrecision(10, 2);
        b.Property(x => x.Total).HasPrecision(10, 2);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasOne(x => x.Invoice).WithMany(x => x.LineItems).HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments");
        b.Property(x => x.Amount).HasPrecision(10, 2);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.StripePaymentId).IsUnique();
        b.HasIndex(x => x.InvoiceId);
        b.HasOne(x => x.Invoice).WithMany(x => x.Payments).HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products");
        b.Property(x => x.UnitPrice).HasPrecision(10, 2);
        b.Property(x => x.Cost).HasPrecision(10, 2);
        b.Property(x => x.Type).HasDefaultValueSql("'ONE_TIME'::\"ProductType\"");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.QbItemId).IsUnique();
        b.HasIndex(x => x.Active);
        b.HasIndex(x => x.Sku);
        b.HasIndex(x => x.Category);
    }
}

internal sealed class AgreementTemplateConfiguration : IEntityTypeConfiguration<AgreementTemplate>
{
    public void Configure(EntityTypeBuilder<AgreementTemplate> b)
    {
        b.ToTable("agreement_templates");
        b.Property(x => x.Variables).HasColumnType("jsonb");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Active, x.SortOrder });
    }
}

internal sealed class TaxRateConfiguration : IEntityTypeConfiguration<TaxRate>
{
    public void Configure(EntityTypeBuilder<TaxRate> b)
    {
        b.ToTable("tax_rates");
        b.Property(x => x.Rate).HasPrecision(7, 5);
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Category, x.Active, x.SortOrder });
    }
}

internal sealed class BackendConfiguration : IEntityTypeConfiguration<Backend>
{
    public void Configure(EntityTypeBuilder<Backend> b)
    {
        b.ToTable("backends");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Active, x.SortOrder });
    }
}

internal sealed class CarrierConfiguration : IEntityTypeConfiguration<Carrier>
{
    public void Configure(EntityTypeBuilder<Carrier> b)
    {
        b.ToTable("carriers");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Active, x.SortOrder });
    }
}

internal sealed class ShippingTypeConfiguration : IEntityTypeConfiguration<ShippingType>
{
    public void Configure(EntityTypeBuilder<ShippingType> b)
    {
        b.ToTable("shipping_types");
        b.Property(x => x.DefaultCost).HasPrecision(10, 2);
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Active, x.SortOrder });
    }
}

internal sealed class PaymentTermConfiguration : IEntityTypeConfiguration<PaymentTerm>
{
    public void Configure(EntityTypeBuilder<PaymentTerm> b)
    {
        b.ToTable("payment_terms");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Active, x.SortOrder });
    }
}

internal sealed class ContractTermConfiguration : IEntityTypeConfiguration<ContractTerm>
{
    public void Configure(EntityTypeBuilder<ContractTerm> b)
    {
        b.ToTable("contract_terms");
        b.Property(x => x.SortOrder).HasDefaultValueSql("0");
        b.Property(x => x.Active).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Active, x.SortOrder });
    }
}
