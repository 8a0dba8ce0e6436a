using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Invoicing;

/// <summary>A single billable line on an invoice. Table <c>invoice_line_items</c>.</summary>
public class InvoiceLineItem : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string InvoiceId { get; set; } = null!;
    public string Description { get; set; } = null!;
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Total { get; set; }
    public string? ProductCode { get; set; }
    public DateTime CreatedAt { get; set; }

    public Invoice Invoice { get; set; } = null!;
}
