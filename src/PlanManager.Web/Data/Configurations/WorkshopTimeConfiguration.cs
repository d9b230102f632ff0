using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Data.Configurations;

internal sealed class TechnicianConfiguration : IEntityTypeConfiguration<Technician>
{
    public void Configure(EntityTypeBuilder<Technician> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(TechnicianLimits.Name).IsRequired();
        builder.Property(t => t.CodeHash).HasMaxLength(TechnicianLimits.CodeHash);
        builder.HasOne(t => t.Repairer).WithMany().HasForeignKey(t => t.RepairerId).OnDelete(DeleteBehavior.Restrict);

        // A code names one technician of its repairer (the tablet asks for the code only).
        builder.HasIndex(t => new { t.RepairerId, t.CodeHash }).IsUnique();
        builder.HasIndex(t => new { t.RepairerId, t.Name });
    }
}

internal sealed class ClockLineConfiguration : IEntityTypeConfiguration<ClockLine>
{
    /// <summary>Plain SQL understood by SQLite, SQL Server (QUOTED_IDENTIFIER is on) and PostgreSQL.</summary>
    public const string OpenFilter = "\"EndedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<ClockLine> builder)
    {
        builder.Property(l => l.ReviewedBy).HasMaxLength(ClockLimits.UserName);
        builder.Ignore(l => l.IsOpen);
        builder.HasOne(l => l.Technician).WithMany().HasForeignKey(l => l.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Job).WithMany().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Corrections).WithOne().HasForeignKey(c => c.ClockLineId).OnDelete(DeleteBehavior.Cascade);

        // One open clock per technician, held by the database: two tablets starting at once cannot both open one.
        builder.HasIndex(l => l.TechnicianId).IsUnique().HasFilter(OpenFilter).HasDatabaseName("IX_ClockLines_OneOpenPerTechnician");
        builder.HasIndex(l => new { l.TechnicianId, l.StartedAt });
        builder.HasIndex(l => new { l.JobId, l.StartedAt });
        builder.HasIndex(l => l.EndedAt);
    }
}

internal sealed class ClockCorrectionConfiguration : IEntityTypeConfiguration<ClockCorrection>
{
    public void Configure(EntityTypeBuilder<ClockCorrection> builder)
    {
        builder.Property(c => c.UserName).HasMaxLength(ClockLimits.UserName).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(ClockLimits.Reason).IsRequired();
    }
}

internal sealed class KioskConfiguration : IEntityTypeConfiguration<Kiosk>
{
    public void Configure(EntityTypeBuilder<Kiosk> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(KioskLimits.Name).IsRequired();
        builder.Property(k => k.OpenedBy).HasMaxLength(ClockLimits.UserName).IsRequired();
        builder.Property(k => k.ClosedBy).HasMaxLength(ClockLimits.UserName);
        builder.Ignore(k => k.IsOpen);
        builder.HasOne(k => k.Repairer).WithMany().HasForeignKey(k => k.RepairerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => new { k.RepairerId, k.ClosedAt });
    }
}
