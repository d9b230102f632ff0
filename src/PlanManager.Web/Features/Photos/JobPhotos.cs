using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Photos;

public sealed record PhotoRow(int Id, string FileName, PhotoSource Source, PhotoFormat Format, long SizeBytes, int? Width, int? Height, bool HasThumbnail, DateTimeOffset UploadedAt, string? UploadedBy);

/// <summary>What the job screen's photo panel shows, and where a photo's file is.</summary>
public sealed record JobPhotosModel(int JobId, IReadOnlyList<PhotoRow> Photos);

/// <summary>Reads a job's photos for the job screen and for the file actions.</summary>
public sealed class JobPhotos(PlanManagerDbContext db)
{
    /// <summary>A job has tens of photos; this many is far beyond any real job and keeps the page bounded.</summary>
    public const int MaxShown = 500;

    public async Task<IReadOnlyList<PhotoRow>> ListAsync(int jobId, CancellationToken cancellationToken) =>
        await db.JobPhotos.AsNoTracking()
            .Where(p => p.JobId == jobId)
            .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
            .Select(p => new PhotoRow(p.Id, p.OriginalFileName, p.Source, p.Format, p.SizeBytes, p.Width, p.Height, p.ThumbnailName != null, p.UploadedAt, p.UploadedBy))
            .Take(MaxShown)
            .ToListAsync(cancellationToken);

    /// <summary>The stored file of a photo of this job (the original or its thumbnail), never a name from the request.</summary>
    public async Task<(string Name, string ContentType, string FileName)?> FileAsync(int jobId, int photoId, bool thumbnail, CancellationToken cancellationToken)
    {
        var photo = await db.JobPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.JobId == jobId)
            .Select(p => new { p.StoredName, p.ThumbnailName, p.Format, p.OriginalFileName })
            .SingleOrDefaultAsync(cancellationToken);
        if (photo is null)
        {
            return null;
        }

        if (thumbnail)
        {
            return photo.ThumbnailName is null ? null : (photo.ThumbnailName, "image/jpeg", Path.GetFileNameWithoutExtension(photo.OriginalFileName) + "-thumbnail.jpg");
        }

        return (photo.StoredName, PhotoContent.ContentType(photo.Format), photo.OriginalFileName);
    }
}
