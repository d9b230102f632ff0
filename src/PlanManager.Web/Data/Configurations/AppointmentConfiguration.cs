using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.CustomerName).HasMaxLength(PartyLimits.Name).IsRequired();
        builder.Property(a => a.Email).HasMaxLength(PartyLimits.Email);
        builder.Property(a => a.Phone).HasMaxLength(PartyLimits.Phone);
        builder.Property(a => a.Message).HasMaxLength(AppointmentLimits.Message);
        builder.Property(a => a.Language).HasMaxLength(MailLimits.Language);
        builder.Property(a => a.Registration).HasMaxLength(JobLimits.Registration);
        builder.Ignore(a => a.HoldsPlace);
        builder.HasOne(a => a.Repairer).WithMany().HasForeignKey(a => a.RepairerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Job).WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);

        // No double booking: one appointment per place of a slot.
        builder.HasIndex(a => new { a.RepairerId, a.Start, a.Place }).IsUnique();
        builder.HasIndex(a => a.JobId);
        // Today's and tomorrow's appointments of every repairer (dashboard, R1).
        builder.HasIndex(a => a.Start);
        builder.HasMany(a => a.HeldPhotos).WithOne().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HeldPhotoConfiguration : IEntityTypeConfiguration<HeldPhoto>
{
    public void Configure(EntityTypeBuilder<HeldPhoto> builder)
    {
        builder.Property(p => p.StoredName).HasMaxLength(PhotoLimits.StoredName).IsRequired();
        builder.Property(p => p.OriginalFileName).HasMaxLength(PhotoLimits.FileName).IsRequired();
    }
}

internal sealed class AppointmentScheduleConfiguration : IEntityTypeConfiguration<AppointmentSchedule>
{
    public void Configure(EntityTypeBuilder<AppointmentSchedule> builder)
    {
        builder.HasKey(s => s.RepairerId);
        builder.HasOne<Repairer>().WithOne().HasForeignKey<AppointmentSchedule>(s => s.RepairerId).OnDelete(DeleteBehavior.Cascade);
    }
}
