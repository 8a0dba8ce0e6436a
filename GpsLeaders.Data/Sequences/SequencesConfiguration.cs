using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Sequences;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class SequenceDefinitionConfiguration : IEntityTypeConfiguration<SequenceDefinition>
{
    public void Configure(EntityTypeBuilder<SequenceDefinition> b)
    {
        b.ToTable("sequence_definitions");
        b.Property(x => x.Steps).HasColumnType("jsonb");
        b.Property(x => x.IsActive).HasDefaultValueSql("true");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.TagSlug).IsUnique();
    }
}

internal sealed class SequenceRunConfiguration : IEntityTypeConfiguration<SequenceRun>
{
    public void Configure(EntityTypeBuilder<SequenceRun> b)
    {
        b.ToTable("sequence_runs");
        b.Property(x => x.Status).HasDefaultValueSql("'ACTIVE'::\"SequenceStatus\"");
        b.Property(x => x.CurrentStep).HasDefaultValueSql("0");
        b.Property(x => x.StartedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => new { x.LeadId, x.Status });
        b.HasIndex(x => x.NextStepAt);
        b.HasOne(x => x.Lead).WithMany(x => x.SequenceRuns).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SequenceDef).WithMany(x => x.Runs).HasForeignKey(x => x.SequenceDefId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SequenceStepLogConfiguration : IEntityTypeConfiguration<SequenceStepLog>
{
    public void Configure(EntityTypeBuilder<SequenceStepLog> b)
    {
        b.ToTable("sequence_step_logs");
        b.Property(x => x.Status).HasDefaultValueSql("'PENDING'::\"StepStatus\"");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => x.SequenceRunId);
        b.HasOne(x => x.SequenceRun).WithMany(x => x.StepLogs).HasForeignKey(x => x.SequenceRunId).OnDelete(DeleteBehavior.Restrict);
    }
}
