using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class ConnectorSettingConfiguration : IEntityTypeConfiguration<ConnectorSetting>
{
    public void Configure(EntityTypeBuilder<ConnectorSetting> builder)
    {
        builder.HasKey(c => c.Kind);
        builder.Property(c => c.Kind).ValueGeneratedNever();
        builder.Property(c => c.SiteCode).HasMaxLength(50);
        builder.Property(c => c.ProtectedSecret).HasMaxLength(2000);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Property(c => c.ConfiguredAt).HasColumnName("UpdatedAt");
        // Named after the platform setting it mirrors (claims360.yaml: informex_queueing).
        builder.Property(c => c.Claims360Queueing).HasColumnName("InformexQueueing");
        builder.Property(c => c.LastCheckDetail).HasMaxLength(500);
        builder.Ignore(c => c.HasSecret);
        // Every connector has its row from the start, switched off.
        builder.HasData(Enum.GetValues<ConnectorKind>().Select(k => new ConnectorSetting { Kind = k }));
    }
}

internal sealed class Claims360SetupConfiguration : IEntityTypeConfiguration<Claims360Setup>
{
    public void Configure(EntityTypeBuilder<Claims360Setup> builder)
    {
        builder.HasKey(s => s.RepairerId);
        builder.HasOne(s => s.Repairer).WithOne().HasForeignKey<Claims360Setup>(s => s.RepairerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.CarrosserieId).HasMaxLength(50).IsRequired();
        builder.Property(s => s.ProtectedBodyshopKey).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.ProtectedPlanManagerKey).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Property(s => s.ConfiguredAt).HasColumnName("UpdatedAt");
        builder.HasIndex(s => s.CarrosserieId).IsUnique();
        builder.Property(s => s.LastImportError).HasMaxLength(500);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Area).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.HasIndex(a => a.At);
    }
}
