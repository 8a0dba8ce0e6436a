namespace GpsLeaders.Data.Taxonomy;

/// <summary>Which data-driven dropdown list a TaxonomyValue belongs to. PostgreSQL enum type <c>"TaxonomyType"</c>; members are its labels, in order.</summary>
public enum TaxonomyType
{
    INDUSTRY,
    SOURCE,
    VENDOR,
    CELLULAR_CARRIER,
    BACKEND,
    PAYMENT_INTERVAL,
    SHIPPING_TYPE,
    PAYMENT_METHOD,
}
