using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class EstimateVersionConfiguration : IEntityTypeConfiguration<EstimateVersion>
{
    public void Configure(EntityTypeBuilder<EstimateVersion> builder)
    {
        builder.ToTable("EstimateVersions");
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

internal sealed class EstimateLineConfiguration : IEntityTypeConfiguration<EstimateLine>
{
    public void Configure(EntityTypeBuilder<EstimateLine> builder)
    {
        builder.ToTable("EstimateLines");
        builder.Property(l => l.Kind).HasMaxLength(30).IsRequired();
        builder.Property(l => l.Code).HasMaxLength(50);
        builder.Property(l => l.Description).HasMaxLength(500).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, 3);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 2);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
    }
}

internal sealed class PhotoTransferConfiguration : IEntityTypeConfiguration<PhotoTransfer>
{
    public void Configure(EntityTypeBuilder<PhotoTransfer> builder)
    {
        builder.ToTable("PhotoTransfers");
        builder.HasOne<Job>().WithMany().HasForeignKey(t => t.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Key).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Platform).HasDefaultValue(LogPlatform.Claims360).HasSentinel(LogPlatform.None);
        builder.HasIndex(t => new { t.JobId, t.Platform, t.Outgoing, t.Key }).IsUnique();
    }
}
