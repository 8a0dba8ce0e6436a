using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Invoicing;

/// <summary>A payment recorded against an invoice. Table <c>payments</c>.</summary>
public class Payment : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string InvoiceId { get; set; } = null!;
    public decimal Amount { get; set; }
    public PaymentMethod Method { get; set; }
    public string? StripePaymentId { get; set; }
    public string? Reference { get; set; }
    public string? Notes { get; set; }
    public DateTime PaidAt { get; set; }
    public string? QbPaymentId { get; set; }
    public DateTime CreatedAt { get; set; }

    public Invoice Invoice { get; set; } = null!;
}
