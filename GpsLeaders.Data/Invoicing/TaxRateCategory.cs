namespace GpsLeaders.Data.Invoicing;

/// <summary>Category of a TaxRate. PostgreSQL enum type <c>"TaxRateCategory"</c>; members are its labels, in order.</summary>
public enum TaxRateCategory
{
    CA_DISTRICT,
    RESALE,
    OUT_OF_STATE,
    OTHER_STATE,
    OTHER,
}
