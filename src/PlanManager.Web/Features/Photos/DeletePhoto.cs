using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.Web.Features.Photos;

/// <summary>
/// Removes a photo from a job (J4): the row and its log line first, then the files. A file that
/// cannot be removed is logged and left behind; a row never points to a missing file.
/// </summary>
public sealed class DeletePhoto(PlanManagerDbContext db, IPhotoStorage storage, JobLogWriter log, ILogger<DeletePhoto> logger)
{
    public async Task<CommandResult> HandleAsync(int jobId, int photoId, CancellationToken cancellationToken)
    {
        var photo = await db.JobPhotos.SingleOrDefaultAsync(p => p.Id == photoId && p.JobId == jobId, cancellationToken);
        var job = photo is null ? null : await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (photo is null || job is null)
        {
            return CommandResult.NotFound;
        }

        db.JobPhotos.Remove(photo);
        log.Add(job, JobLogMessages.PhotoDeleted, photo.OriginalFileName, UploadPhotos.PlatformOf(photo.Source));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var name in new[] { photo.StoredName, photo.ThumbnailName })
        {
            if (name is null)
            {
                continue;
            }

            try
            {
                await storage.DeleteAsync(name, CancellationToken.None);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Photo file {StoredName} of deleted photo {PhotoId} could not be removed", name, photoId);
            }
        }

        return CommandResult.Saved(jobId);
    }
}
