using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Inbox;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class EmailAccountConfiguration : IEntityTypeConfiguration<EmailAccount>
{
    public void Configure(EntityTypeBuilder<EmailAccount> b)
    {
        b.ToTable("email_accounts");
        b.Property(x => x.Provider).HasDefaultValueSql("'gmail'");
        b.Property(x => x.IsActive).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasOne(x => x.User).WithMany(x => x.EmailAccounts).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EmailThreadConfiguration : IEntityTypeConfiguration<EmailThread>
{
    public void Configure(EntityTypeBuilder<EmailThread> b)
    {
        b.ToTable("email_threads");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.LeadId);
        b.HasIndex(x => x.GmailThreadId);
        b.HasOne(x => x.Lead).WithMany(x => x.EmailThreads).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.EmailAccount).WithMany(x => x.Threads).HasForeignKey(x => x.EmailAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.ToTable("email_messages");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.ThreadId);
        b.HasOne(x => x.Thread).WithMany(x => x.Messages).HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SmsGatewayConfiguration : IEntityTypeConfiguration<SmsGateway>
{
    public void Configure(EntityTypeBuilder<SmsGateway> b)
    {
        b.ToTable("sms_gateways");
        b.Property(x => x.IsActive).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.FromNumberE164);
        b.HasOne(x => x.User).WithMany(x => x.SmsGateways).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> b)
    {
        b.ToTable("sms_messages");
        b.Property(x => x.Provider).HasDefaultValueSql("'android_gateway'");
        b.Property(x => x.Status).HasDefaultValueSql("'QUEUED'::\"SmsStatus\"");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.LeadId);
        b.HasIndex(x => x.ContactId);
        b.HasOne(x => x.Lead).WithMany(x => x.SmsMessages).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Contact).WithMany(x => x.SmsMessages).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CallLogConfiguration : IEntityTypeConfiguration<CallLog>
{
    public void Configure(EntityTypeBuilder<CallLog> b)
    {
        b.ToTable("call_logs");
        b.Property(x => x.VoicemailDropped).HasDefaultValueSql("false");
        b.Property(x => x.Provider).HasDefaultValueSql("'manual'");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.LeadId);
        b.HasOne(x => x.Lead).WithMany(x => x.CallLogs).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Contact).WithMany(x => x.CallLogs).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("conversations");
        b.Property(x => x.UnreadCount).HasDefaultValueSql("0");
        b.Property(x => x.IsArchived).HasDefaultValueSql("false");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => new { x.LeadId, x.Channel }).IsUnique();
        b.HasIndex(x => x.LastMessageAt).IsDescending();
        b.HasIndex(x => x.IsArchived);
        b.HasIndex(x => x.UserId);
        b.HasOne(x => x.Lead).WithMany(x => x.Conversations).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Contact).WithMany(x => x.Conversations).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.User).WithMany(x => x.Conversations).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("bookings");
        b.Property(x => x.Status).HasDefaultValueSql("'SCHEDULED'::\"BookingStatus\"");
        b.Property(x => x.RawPayload).HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.CalBookingUid).IsUnique();
        b.HasIndex(x => new { x.LeadId, x.StartAt });
        b.HasIndex(x => x.ContactId);
        b.HasIndex(x => x.AttendeeEmail);
        b.HasIndex(x => x.StartAt);
        b.HasOne(x => x.Lead).WithMany(x => x.Bookings).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Contact).WithMany(x => x.Bookings).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.ToTable("message_templates");
        b.Property(x => x.Category).HasDefaultValueSql("'SEQUENCE'::\"TemplateCategory\"");
        b.Property(x => x.IsActive).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasIndex(x => new { x.Category, x.Channel, x.IsActive });
        b.HasOne(x => x.CreatedBy).WithMany(x => x.MessageTemplates).HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
