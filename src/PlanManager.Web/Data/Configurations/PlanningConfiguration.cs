using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Data.Configurations;

internal sealed class DepartmentCapacityConfiguration : IEntityTypeConfiguration<DepartmentCapacity>
{
    public void Configure(EntityTypeBuilder<DepartmentCapacity> builder)
    {
        builder.HasKey(c => new { c.RepairerId, c.Department });
        builder.Property(c => c.HoursPerTechnician).HasPrecision(5, 2);
        builder.Ignore(c => c.HoursPerDay);
        builder.HasOne<Repairer>().WithMany().HasForeignKey(c => c.RepairerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlannedHoursConfiguration : IEntityTypeConfiguration<PlannedHours>
{
    public void Configure(EntityTypeBuilder<PlannedHours> builder)
    {
        builder.HasKey(p => new { p.JobId, p.Department });
        builder.Property(p => p.Hours).HasPrecision(6, 2);
        builder.HasOne<Job>().WithMany().HasForeignKey(p => p.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
