using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.HasIndex(j => j.Number).IsUnique();
        builder.Property(j => j.Registration).HasMaxLength(JobLimits.Registration).IsRequired();
        builder.Property(j => j.RegistrationKey).HasMaxLength(JobLimits.Registration).IsRequired();
        builder.Property(j => j.Make).HasMaxLength(JobLimits.ShortText);
        builder.Property(j => j.Model).HasMaxLength(JobLimits.ShortText);
        builder.Property(j => j.Type).HasMaxLength(JobLimits.ShortText);
        builder.Property(j => j.Vin).HasMaxLength(JobLimits.Vin);
        builder.Property(j => j.Colour).HasMaxLength(JobLimits.ShortText);
        builder.Property(j => j.VehicleDetails).HasMaxLength(JobLimits.LongText);
        builder.Property(j => j.CommentsDamage).HasMaxLength(JobLimits.LongText);
        builder.Property(j => j.CurrentTask).HasMaxLength(JobLimits.ShortText);
        builder.Property(j => j.ClaimNumber).HasMaxLength(JobLimits.ClaimNumber);
        builder.Property(j => j.ClaimNumberKey).HasMaxLength(JobLimits.ClaimNumber);
        builder.Property(j => j.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne(j => j.Repairer).WithMany().HasForeignKey(j => j.RepairerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.Owner).WithMany().HasForeignKey(j => j.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.Insurer).WithMany().HasForeignKey(j => j.InsurerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.Agent).WithMany().HasForeignKey(j => j.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(j => j.Log).WithOne().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.Cascade);

        // The job list searches by these keys (prefix ranges) and filters / sorts by these columns.
        builder.HasIndex(j => j.RegistrationKey);
        builder.HasIndex(j => j.ClaimNumberKey);
        builder.HasIndex(j => j.OwnerId);
        builder.HasIndex(j => j.InsurerId);
        builder.HasIndex(j => j.AgentId);
        builder.HasIndex(j => j.CreatedAt);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.RepairerId, j.CreatedAt });
        builder.HasIndex(j => new { j.RepairerId, j.Status, j.CreatedAt });
        // Vehicles inside (J3) seeks VehicleIn = true (per repairer) and lists the longest inside first; with what marks a
        // stale car, so one repairer's finished cars and dashboard bars are counted from the index alone.
        builder.HasIndex(j => new { j.VehicleIn, j.RepairerId, j.VehicleInSince, j.Status, j.OffSiteDate });
        // The same for all repairers at once, in page order, so the page reads 25 entries instead of sorting every car inside;
        // and the count of finished cars still inside from the index alone (docs/benchmarks.md).
        builder.HasIndex(j => new { j.VehicleIn, j.VehicleInSince, j.Number });
        // The cars inside still being repaired (open status, no off site date): as many as the workshop holds, whatever the
        // history left marked in, with their days in and repairer for the dashboard (decision 0015).
        builder.HasIndex(j => new { j.VehicleIn, j.Status, j.OffSiteDate, j.VehicleInSince, j.RepairerId });
        builder.HasIndex(j => j.EstimatedCompletionDate);
        // The planning board (W1) seeks a repairer's jobs by start date, a bounded range before its week.
        builder.HasIndex(j => new { j.RepairerId, j.StartDate });
        builder.HasIndex(j => new { j.Source, j.CreatedAt });
        // Dashboard and reports (R1): each figure reads one index range and nothing of the table.
        // Cars inside by days in, with what marks a stale one (finished status or an off site date).
        builder.HasIndex(j => new { j.VehicleIn, j.VehicleInSince, j.Status, j.OffSiteDate, j.RepairerId });
        // Cycle times of the cars that left in the chosen months.
        builder.HasIndex(j => new { j.OffSiteDate, j.RepairerId, j.ArrivedAt, j.CreatedAt });
        // Jobs per source per month.
        builder.HasIndex(j => new { j.CreatedAt, j.Source, j.RepairerId });
        // The monthly totals recompute one repairer's month (decision 0021).
        builder.HasIndex(j => new { j.RepairerId, j.OffSiteDate, j.ArrivedAt, j.CreatedAt });
    }
}

internal sealed class JobLogEntryConfiguration : IEntityTypeConfiguration<JobLogEntry>
{
    public void Configure(EntityTypeBuilder<JobLogEntry> builder)
    {
        builder.Property(l => l.UserName).HasMaxLength(256);
        builder.Property(l => l.MessageKey).HasMaxLength(100).IsRequired();
        builder.Property(l => l.Detail).HasMaxLength(4000);
        builder.HasIndex(l => new { l.JobId, l.At });
    }
}

internal sealed class JobNumberCounterConfiguration : IEntityTypeConfiguration<JobNumberCounter>
{
    public void Configure(EntityTypeBuilder<JobNumberCounter> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.HasData(
            new JobNumberCounter { Name = JobNumberCounter.JobsName, LastValue = 0 },
            new JobNumberCounter { Name = JobNumberCounter.ReportTotalsName, LastValue = JobNumberCounter.ReportTotalsNotFilled });
    }
}
