using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class Claims360ItemConfiguration : IEntityTypeConfiguration<Claims360Item>
{
    public void Configure(EntityTypeBuilder<Claims360Item> builder)
    {
        builder.HasOne(i => i.Repairer).WithMany().HasForeignKey(i => i.RepairerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Job).WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.Property(i => i.AssignmentNumber).HasMaxLength(Claims360Limits.AssignmentNumber).IsRequired();
        builder.Property(i => i.LicensePlate).HasMaxLength(JobLimits.Registration).IsRequired();
        builder.Property(i => i.Work).HasMaxLength(JobLimits.ShortText);
        builder.Property(i => i.Make).HasMaxLength(JobLimits.ShortText);
        builder.Property(i => i.Model).HasMaxLength(JobLimits.ShortText);
        builder.Property(i => i.Vin).HasMaxLength(Claims360Limits.Vin);
        builder.Property(i => i.CustomerName).HasMaxLength(PartyLimits.Name);
        builder.Property(i => i.InsurerName).HasMaxLength(PartyLimits.Name);
        builder.Property(i => i.ClaimNumber).HasMaxLength(JobLimits.ClaimNumber);
        builder.Property(i => i.DossierId).HasMaxLength(Claims360Limits.DossierId);

        // The idempotency key of the import: the same assignment is one row, however often it arrives.
        builder.HasIndex(i => new { i.RepairerId, i.AssignmentNumber }).IsUnique();
        builder.HasIndex(i => i.ImportedAt);
        // The dashboard's Claims360 queue tile: waiting assignments and the oldest (R1).
        builder.HasIndex(i => new { i.Status, i.RepairerId, i.ImportedAt });
        builder.HasIndex(i => i.JobId);
    }
}

internal sealed class Claims360JobLinkConfiguration : IEntityTypeConfiguration<Claims360JobLink>
{
    public void Configure(EntityTypeBuilder<Claims360JobLink> builder)
    {
        builder.HasKey(l => l.JobId);
        builder.HasOne(l => l.Job).WithOne().HasForeignKey<Claims360JobLink>(l => l.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.CarrosserieId).HasMaxLength(Claims360Limits.CarrosserieId).IsRequired();
        builder.Property(l => l.DossierId).HasMaxLength(Claims360Limits.DossierId).IsRequired();
        builder.HasIndex(l => l.DossierId);
    }
}
