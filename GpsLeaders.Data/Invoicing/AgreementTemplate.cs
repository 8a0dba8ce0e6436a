using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Invoicing;

/// <summary>A reusable terms-and-conditions / agreement body that gets attached to an invoice and snapshotted at signing. Table <c>agreement_templates</c>.</summary>
public class AgreementTemplate : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Slug { get; set; } = null!;
    public string Name { get; set; } = null!;
    public string Body { get; set; } = null!;
    /// <summary>JSON document, stored as jsonb.</summary>
    public string Variables { get; set; } = null!;
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public ICollection<Invoice> Invoices { get; set; } = new List<Invoice>();
}
