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

internal sealed class Claims360EstimateVersionConfiguration : IEntityTypeConfiguration<Claims360EstimateVersion>
{
    public void Configure(EntityTypeBuilder<Claims360EstimateVersion> builder)
    {
        builder.HasOne<Job>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.EstimateNumber).HasMaxLength(50).IsRequired();
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.LabourHours).HasPrecision(9, 2);
        builder.Property(e => e.TotalExclVat).HasPrecision(18, 2);
        builder.Property(e => e.VatAmount).HasPrecision(18, 2);
        builder.Property(e => e.TotalInclVat).HasPrecision(18, 2);
        builder.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.EstimateVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Platform).HasDefaultValue(LogPlatform.Claims360).HasSentinel(LogPlatform.None);
        builder.HasIndex(e => new { e.JobId, e.Platform, e.Version }).IsUnique();
    }
}

internal sealed class Claims360EstimateLineConfiguration : IEntityTypeConfiguration<Claims360EstimateLine>
{
    public void Configure(EntityTypeBuilder<Claims360EstimateLine> builder)
    {
        builder.Property(l => l.Kind).HasMaxLength(30).IsRequired();
        builder.Property(l => l.Code).HasMaxLength(50);
        builder.Property(l => l.Description).HasMaxLength(500).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, 3);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 2);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
    }
}

internal sealed class Claims360PhotoTransferConfiguration : IEntityTypeConfiguration<Claims360PhotoTransfer>
{
    public void Configure(EntityTypeBuilder<Claims360PhotoTransfer> builder)
    {
        builder.HasOne<Job>().WithMany().HasForeignKey(t => t.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Key).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Platform).HasDefaultValue(LogPlatform.Claims360).HasSentinel(LogPlatform.None);
        builder.HasIndex(t => new { t.JobId, t.Platform, t.Outgoing, t.Key }).IsUnique();
    }
}
