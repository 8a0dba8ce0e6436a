using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Fulfillment;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Sequences;
using GpsLeaders.Data.Taxonomy;
using GpsLeaders.Data.Tasks;
using GpsLeaders.Data.Users;
using Npgsql;
using Npgsql.NameTranslation;

namespace GpsLeaders.Data.Platform;

/// <summary>A CLR enum and the PostgreSQL enum type it maps to.</summary>
public sealed record PgEnumMapping(Type ClrType, string PgName);

/// <summary>
/// The 25 PostgreSQL enum types of the V2 schema. Member names are the labels verbatim
/// (UPPER_SNAKE), so every mapping uses the null name translator.
/// </summary>
public static class CrmEnums
{
    public static INpgsqlNameTranslator NameTranslator { get; } = new NpgsqlNullNameTranslator();

    public static IReadOnlyList<PgEnumMapping> All { get; } =
    [
        new(typeof(UserRole), "UserRole"),
        new(typeof(CompanyStatus), "CompanyStatus"),
        new(typeof(AddressType), "AddressType"),
        new(typeof(TaxonomyType), "TaxonomyType"),
        new(typeof(TagCategory), "TagCategory"),
        new(typeof(LeadStage), "LeadStage"),
        new(typeof(DealRisk), "DealRisk"),
        new(typeof(TaskType), "TaskType"),
        new(typeof(TaskPriority), "TaskPriority"),
        new(typeof(BookingStatus), "BookingStatus"),
        new(typeof(MessageDirection), "MessageDirection"),
        new(typeof(SmsStatus), "SmsStatus"),
        new(typeof(CallOutcome), "CallOutcome"),
        new(typeof(ConversationChannel), "ConversationChannel"),
        new(typeof(SequenceStatus), "SequenceStatus"),
        new(typeof(StepStatus), "StepStatus"),
        new(typeof(ProductType), "ProductType"),
        new(typeof(TaxRateCategory), "TaxRateCategory"),
        new(typeof(InvoiceStatus), "InvoiceStatus"),
        new(typeof(PaymentMethod), "PaymentMethod"),
        new(typeof(DeviceStatus), "DeviceStatus"),
        new(typeof(SimStatus), "SimStatus"),
        new(typeof(FulfillmentStatus), "FulfillmentStatus"),
        new(typeof(TemplateChannel), "TemplateChannel"),
        new(typeof(TemplateCategory), "TemplateCategory"),
    ];

    /// <summary>Maps all CRM enums on a raw Npgsql data source (binary COPY, hand-written SQL).</summary>
    public static NpgsqlDataSourceBuilder MapCrmEnums(this NpgsqlDataSourceBuilder builder)
    {
        foreach (var e in All) builder.MapEnum(e.ClrType, e.PgName, NameTranslator);
        return builder;
    }
}
