using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class JobPhotoConfiguration : IEntityTypeConfiguration<JobPhoto>
{
    public void Configure(EntityTypeBuilder<JobPhoto> builder)
    {
        builder.Property(p => p.StoredName).HasMaxLength(PhotoLimits.StoredName).IsRequired();
        builder.Property(p => p.ThumbnailName).HasMaxLength(PhotoLimits.StoredName);
        builder.Property(p => p.OriginalFileName).HasMaxLength(PhotoLimits.FileName).IsRequired();
        builder.Property(p => p.UploadedBy).HasMaxLength(256);
        builder.Ignore(p => p.ContentType);
        builder.HasOne<Job>().WithMany().HasForeignKey(p => p.JobId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(p => p.StoredName).IsUnique();
        // The thumbnail queue's sweep finds the photos still waiting for one.
        builder.HasIndex(p => p.ThumbnailPending);
        // The job screen lists a job's photos in upload order.
        builder.HasIndex(p => new { p.JobId, p.UploadedAt });
    }
}
