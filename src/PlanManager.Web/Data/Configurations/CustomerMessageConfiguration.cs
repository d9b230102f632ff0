using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(PartyLimits.Email).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(PartyLimits.Name);
        builder.Property(m => m.FromAddress).HasMaxLength(PartyLimits.Email);
        builder.Property(m => m.FromName).HasMaxLength(PartyLimits.Name).IsRequired();
        builder.Property(m => m.Language).HasMaxLength(MailLimits.Language).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(MailLimits.Subject).IsRequired();
        builder.Property(m => m.TextBody).HasMaxLength(MailLimits.Body).IsRequired();
        builder.Property(m => m.HtmlBody).HasMaxLength(MailLimits.Body * 2).IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(MailLimits.MessageId).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(MailLimits.Error);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasOne(m => m.Job).WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);
        // No second cascade path from a job (SQL Server refuses it): appointments are never deleted, only cancelled.
        builder.HasOne(m => m.Appointment).WithMany().HasForeignKey(m => m.AppointmentId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne<Repairer>().WithMany().HasForeignKey(m => m.RepairerId).OnDelete(DeleteBehavior.Restrict);

        // The relay's sweep (status, due time), the Messages page (newest first), the hourly limit (job, kind, time).
        builder.HasIndex(m => new { m.Status, m.DueAt });
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => new { m.JobId, m.Kind, m.CreatedAt });
        builder.HasIndex(m => m.AppointmentId);
    }
}

internal sealed class MailTemplateConfiguration : IEntityTypeConfiguration<MailTemplate>
{
    public void Configure(EntityTypeBuilder<MailTemplate> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(MailLimits.Language).IsRequired();
        builder.Property(t => t.Subject).HasMaxLength(MailLimits.Subject).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(MailLimits.Template).IsRequired();
        builder.Property(t => t.UpdatedBy).HasMaxLength(PartyLimits.Email);
        builder.HasOne<Repairer>().WithMany().HasForeignKey(t => t.RepairerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.RepairerId, t.Kind, t.Language }).IsUnique();
    }
}

internal sealed class MailSuppressionConfiguration : IEntityTypeConfiguration<MailSuppression>
{
    public void Configure(EntityTypeBuilder<MailSuppression> builder)
    {
        builder.Property(s => s.Address).HasMaxLength(PartyLimits.Email).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(MailLimits.Error);
        builder.HasIndex(s => s.Address).IsUnique();
    }
}
