using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Fulfillment;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Sequences;
using GpsLeaders.Data.Settings;
using GpsLeaders.Data.Tasks;
using GpsLeaders.Data.Taxonomy;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace GpsLeaders.Data;

/// <summary>
/// EF Core context over the V2 schema. Configure it with
/// <see cref="CrmDatabase.UseCrmDatabase(DbContextOptionsBuilder, string, Action{Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder}?)"/>;
/// the schema itself is created by <see cref="SchemaMigrator"/>, never by EF.
/// </summary>
public class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CompanyAddress> CompanyAddresses => Set<CompanyAddress>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadTag> LeadTags => Set<LeadTag>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<LeadScore> LeadScores => Set<LeadScore>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<TaxonomyValue> TaxonomyValues => Set<TaxonomyValue>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<SmsGateway> SmsGateways => Set<SmsGateway>();
    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();
    public DbSet<EmailAccount> EmailAccounts => Set<EmailAccount>();
    public DbSet<EmailThread> EmailThreads => Set<EmailThread>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<CallLog> CallLogs => Set<CallLog>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<CallList> CallLists => Set<CallList>();
    public DbSet<VoicemailDrop> VoicemailDrops => Set<VoicemailDrop>();
    public DbSet<SequenceDefinition> SequenceDefinitions => Set<SequenceDefinition>();
    public DbSet<SequenceRun> SequenceRuns => Set<SequenceRun>();
    public DbSet<SequenceStepLog> SequenceStepLogs => Set<SequenceStepLog>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLineItem> InvoiceLineItems => Set<InvoiceLineItem>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<AgreementTemplate> AgreementTemplates => Set<AgreementTemplate>();
    public DbSet<TaxRate> TaxRates => Set<TaxRate>();
    public DbSet<Backend> Backends => Set<Backend>();
    public DbSet<Carrier> Carriers => Set<Carrier>();
    public DbSet<ShippingType> ShippingTypes => Set<ShippingType>();
    public DbSet<PaymentTerm> PaymentTerms => Set<PaymentTerm>();
    public DbSet<ContractTerm> ContractTerms => Set<ContractTerm>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<SimCard> SimCards => Set<SimCard>();
    public DbSet<FulfillmentOrder> FulfillmentOrders => Set<FulfillmentOrder>();
    public DbSet<FulfillmentItem> FulfillmentItems => Set<FulfillmentItem>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>()
            .HaveConversion<UtcDateTimeConverter>()
            .HaveColumnType(UtcDateTimeConverter.ColumnType);
        // Prisma does not index foreign keys by itself; every index is declared in the configurations.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Declared explicitly so the model keeps the documented label order (Npgsql would sort them).
        foreach (var e in CrmEnums.All) modelBuilder.HasPostgresEnum(e.PgName, Enum.GetNames(e.ClrType));
        modelBuilder.HasPostgresExtension("pg_trgm"); // the companies search indexes (migration 0008)
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        CrmModelConventions.Apply(modelBuilder);
        modelBuilder.HasDbFunction(typeof(ActivityDetail).GetMethod(nameof(ActivityDetail.Field))!)
            .HasName("jsonb_extract_path_text").IsBuiltIn();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTimestamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTimestamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The one place rows get their times: created_at on insert (unless the caller set one, e.g. an import),
    /// Prisma's @updatedAt on every insert and update, an activity's occurred_at when nobody said otherwise.
    /// "Now" is the app's TimeProvider, so a test clock moves every stamp.</summary>
    private void StampTimestamps()
    {
        ChangeTracker.DetectChanges();
        var now = Clock.StoredNow();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.State == EntityState.Added && entry.Entity is IHasCreatedAt created)
                created.CreatedAt = created.CreatedAt == default ? now : ToMilliseconds(created.CreatedAt);
            if (entry.State == EntityState.Added && entry.Entity is Activity { OccurredAt.Ticks: 0 } activity)
                activity.OccurredAt = now;
            if (entry.Entity is IHasUpdatedAt updated) updated.UpdatedAt = now;
        }
    }

    TimeProvider? _clock;

    /// <summary>The TimeProvider of the services that built this context (the system clock without one).</summary>
    TimeProvider Clock => _clock ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()
        ?.ApplicationServiceProvider?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    private static DateTime ToMilliseconds(DateTime value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMillisecond));
}
