namespace GpsLeaders.Data.Invoicing;

/// <summary>Lifecycle state of an Invoice. PostgreSQL enum type <c>"InvoiceStatus"</c>; members are its labels, in order.</summary>
public enum InvoiceStatus
{
    DRAFT,
    SENT,
    PARTIAL,
    PAID,
    VOID,
}
