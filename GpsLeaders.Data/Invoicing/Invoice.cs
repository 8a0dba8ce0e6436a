using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Fulfillment;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Invoicing;

/// <summary>A customer invoice. Table <c>invoices</c>.</summary>
public class Invoice : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? LeadId { get; set; }
    public string CompanyId { get; set; } = null!;
    public string? BillToAddressId { get; set; }
    public string? ShipToAddressId { get; set; }
    public string InvoiceNumber { get; set; } = null!;
    public InvoiceStatus Status { get; set; } = InvoiceStatus.DRAFT;
    public string? AgreementTemplateId { get; set; }
    public string? TaxRateId { get; set; }
    public string? BackendId { get; set; }
    public string? CarrierId { get; set; }
    public string? ShippingTypeId { get; set; }
    public string? PaymentTermId { get; set; }
    public string? ContractTermId { get; set; }
    public decimal Subtotal { get; set; }
    public decimal TaxAmount { get; set; }
    public decimal Total { get; set; }
    public decimal AmountPaid { get; set; }
    public decimal BalanceDue { get; set; }
    public decimal? ShippingCost { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? Notes { get; set; }
    public string? PaymentToken { get; set; }
    public string? StripeInvoiceId { get; set; }
    public string? QbInvoiceId { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? SignedName { get; set; }
    public DateTime? SignedAt { get; set; }
    public string? SignedIpAddr { get; set; }
    public string? SignedUserAgent { get; set; }
    public string? SignedAgreementSnapshot { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Lead? Lead { get; set; }
    public Company Company { get; set; } = null!;
    public CompanyAddress? BillToAddress { get; set; }
    public CompanyAddress? ShipToAddress { get; set; }
    public AgreementTemplate? AgreementTemplate { get; set; }
    public TaxRate? TaxRate { get; set; }
    public Backend? Backend { get; set; }
    public Carrier? Carrier { get; set; }
    public ShippingType? ShippingType { get; set; }
    public PaymentTerm? PaymentTerm { get; set; }
    public ContractTerm? ContractTerm { get; set; }
    public ICollection<InvoiceLineItem> LineItems { get; set; } = new List<InvoiceLineItem>();
    public ICollection<Payment> Payments { get; set; } = new List<Payment>();
    public ICollection<Device> Devices { get; set; } = new List<Device>();
    public ICollection<FulfillmentOrder> FulfillmentOrders { get; set; } = new List<FulfillmentOrder>();
}
