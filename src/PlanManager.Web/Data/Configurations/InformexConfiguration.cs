using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class InformexTransmissionConfiguration : IEntityTypeConfiguration<InformexTransmission>
{
    public void Configure(EntityTypeBuilder<InformexTransmission> builder)
    {
        builder.HasOne(t => t.Repairer).WithMany().HasForeignKey(t => t.RepairerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.AssignmentNumber).HasMaxLength(InformexLimits.AssignmentNumber).IsRequired();
        builder.Property(t => t.LicensePlate).HasMaxLength(JobLimits.Registration).IsRequired();
        builder.Property(t => t.LicensePlateKey).HasMaxLength(JobLimits.Registration).IsRequired();
        builder.Property(t => t.InsurerName).HasMaxLength(PartyLimits.Name);
        builder.Property(t => t.ClaimNumber).HasMaxLength(JobLimits.ClaimNumber);
        builder.Property(t => t.Vin).HasMaxLength(30);
        builder.Property(t => t.Make).HasMaxLength(JobLimits.ShortText);
        builder.Property(t => t.Model).HasMaxLength(JobLimits.ShortText);
        builder.Property(t => t.CustomerName).HasMaxLength(PartyLimits.Name);

        // The idempotency key of the import.
        builder.HasIndex(t => new { t.RepairerId, t.AssignmentNumber }).IsUnique();
        builder.HasIndex(t => t.ReceivedAt);
        builder.HasIndex(t => t.LicensePlateKey);
    }
}

internal sealed class InformexJobFileConfiguration : IEntityTypeConfiguration<InformexJobFile>
{
    public void Configure(EntityTypeBuilder<InformexJobFile> builder)
    {
        builder.HasKey(f => f.JobId);
        builder.HasOne(f => f.Job).WithOne().HasForeignKey<InformexJobFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Vin).HasMaxLength(JobLimits.Vin);
        builder.Property(f => f.EngineType).HasMaxLength(InformexLimits.EngineType);
        builder.Property(f => f.Mailbox).HasMaxLength(PartyLimits.ExternalReference);
        builder.Property(f => f.DossierNumber).HasMaxLength(InformexLimits.DossierNumber);
        builder.Property(f => f.AssignmentNumber).HasMaxLength(InformexLimits.AssignmentNumber);
        builder.HasIndex(f => f.DossierNumber);
        builder.HasIndex(f => f.AssignmentNumber);
    }
}
