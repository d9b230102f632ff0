using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class QueueItemConfiguration : IEntityTypeConfiguration<QueueItem>
{
    public void Configure(EntityTypeBuilder<QueueItem> builder)
    {
        builder.Property(q => q.ExternalId).HasMaxLength(100).IsRequired();
        builder.Property(q => q.ClaimNumber).HasMaxLength(100).IsRequired();
        builder.Property(q => q.InsurerCapsCode).HasMaxLength(50);
        builder.Property(q => q.InsurerName).HasMaxLength(200);
        builder.Property(q => q.Registration).HasMaxLength(20).IsRequired();
        builder.Property(q => q.Make).HasMaxLength(100);
        builder.Property(q => q.Model).HasMaxLength(100);
        builder.Property(q => q.Vin).HasMaxLength(17);
        builder.Property(q => q.CustomerName).HasMaxLength(200);
        builder.Property(q => q.CustomerPhone).HasMaxLength(50);
        builder.Property(q => q.CustomerEmail).HasMaxLength(256);
        builder.Property(q => q.DamageDescription).HasMaxLength(2000);
        builder.Property(q => q.DecidedBy).HasMaxLength(256);
        builder.Property(q => q.Reason).HasMaxLength(500);
        builder.Ignore(q => q.IsWaiting);

        // The idempotency key of every import: one item per offer, whoever imports it and how often.
        builder.HasIndex(q => new { q.Platform, q.ExternalId }).IsUnique();

        // The queue pages and the menu count: waiting (or decided) items of one platform, newest first.
        builder.HasIndex(q => new { q.Platform, q.Status, q.OfferedAt });
        builder.HasOne<Job>().WithMany().HasForeignKey(q => q.JobId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CapsSyncStateConfiguration : IEntityTypeConfiguration<CapsSyncState>
{
    public void Configure(EntityTypeBuilder<CapsSyncState> builder)
    {
        builder.HasKey(s => s.JobId);
        builder.HasOne(s => s.Job).WithOne().HasForeignKey<CapsSyncState>(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.SyncedHash).HasMaxLength(64);
        builder.Property(s => s.LastError).HasMaxLength(500);

        // The relay looks for owed pushes whose time has come.
        builder.HasIndex(s => s.DueAt);
        // Failed pushes (attempts since the last success) for the dashboard's connector health (R1).
        builder.HasIndex(s => new { s.Attempts, s.LastAttemptAt });
    }
}
