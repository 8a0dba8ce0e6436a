using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GpsLeaders.Data.Tasks;

// Column names, key / index / FK names and DateTime handling come from CrmModelConventions;
// these classes hold what differs per table: defaults, precision, indexes and relations.

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> b)
    {
        b.ToTable("tasks");
        b.Property(x => x.TaskType).HasDefaultValueSql("'GENERAL'::\"TaskType\"");
        b.Property(x => x.Priority).HasDefaultValueSql("'NORMAL'::\"TaskPriority\"");
        b.Property(x => x.IsCompleted).HasDefaultValueSql("false");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.HasIndex(x => new { x.SequenceRunId, x.SequenceStepNumber }, "task_run_step_unique").IsUnique();
        b.HasIndex(x => x.LeadId);
        b.HasIndex(x => new { x.IsCompleted, x.DueAt });
        b.HasIndex(x => x.Priority);
        b.HasOne(x => x.Lead).WithMany(x => x.Tasks).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Company).WithMany(x => x.Tasks).HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.AssignedTo).WithMany(x => x.Tasks).HasForeignKey(x => x.AssignedToId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.SequenceRun).WithMany(x => x.Tasks).HasForeignKey(x => x.SequenceRunId).OnDelete(DeleteBehavior.SetNull);
    }
}
