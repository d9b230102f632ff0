using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

public sealed class WorkProgressConfiguration : IEntityTypeConfiguration<WorkProgress>
{
    public void Configure(EntityTypeBuilder<WorkProgress> builder)
    {
        builder.ToTable("WorkProgress");
        builder.Property(w => w.Kind).HasMaxLength(WorkProgressLimits.Kind);
        builder.Property(w => w.ActiveKey).HasMaxLength(WorkProgressLimits.ActiveKey);
        builder.Property(w => w.StepKey).HasMaxLength(WorkProgressLimits.Key);
        builder.Property(w => w.OutcomeKey).HasMaxLength(WorkProgressLimits.Key);
        builder.Property(w => w.OutcomeArguments).HasMaxLength(WorkProgressLimits.OutcomeArguments);
        builder.Property(w => w.ResultUrl).HasMaxLength(WorkProgressLimits.Url);
        builder.Property(w => w.StartedBy).HasMaxLength(WorkProgressLimits.User);
        builder.Property(w => w.BackgroundJobId).HasMaxLength(WorkProgressLimits.JobId);
        builder.Ignore(w => w.Ended);
        // Two starts of the same work (two clicks, two nodes) cannot both insert a live row; SQL Server gets "IS NOT NULL" as the filter.
        builder.HasIndex(w => w.ActiveKey).IsUnique();
        // The sweep looks for live rows whose lease has passed.
        builder.HasIndex(w => new { w.State, w.LeaseUntil });
    }
}
