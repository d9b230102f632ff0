using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Photos;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

public sealed record Claims360PhotoResult(int Moved, int Failed);

/// <summary>
/// Photos between a job and its Claims360 dossier (C3, C4). A transfer row, written in the same
/// SaveChanges as the photo (incoming) or right after the platform's answer (outgoing), makes
/// every photo move once.
/// </summary>
public sealed class Claims360PhotoTransfers(
    PlanManagerDbContext db,
    IClaims360Api api,
    ConnectorGateway gateway,
    UploadPhotos upload,
    OutgoingPhotos outgoing,
    TimeProvider clock)
{
    /// <summary>Imports the dossier's photos the job does not have yet.</summary>
    public async Task<Claims360PhotoResult> ImportAsync(int jobId, CancellationToken cancellationToken)
    {
        var link = await db.Claims360JobLinks.AsNoTracking().SingleOrDefaultAsync(l => l.JobId == jobId, cancellationToken);
        if (link is null)
        {
            return new Claims360PhotoResult(0, 0);
        }

        var list = await gateway.CallAsync(ConnectorPlatform.Claims360, "list photos", null,
            ct => api.GetPhotosAsync(link.CarrosserieId, link.DossierId, ct), cancellationToken);
        if (!list.Succeeded || list.Value is null)
        {
            return new Claims360PhotoResult(0, 1);
        }

        var known = await db.PhotoTransfers.Where(t => t.JobId == jobId && t.Platform == LogPlatform.Claims360 && !t.Outgoing).Select(t => t.Key).ToListAsync(cancellationToken);
        int moved = 0, failed = 0;
        foreach (var photo in list.Value.Photos.Where(p => !known.Contains(p.PhotoId)))
        {
            var content = await gateway.CallAsync(ConnectorPlatform.Claims360, "import photo", jobId,
                async ct =>
                {
                    using var body = await api.GetPhotoContentAsync(link.CarrosserieId, link.DossierId, photo.PhotoId, ct);
                    return await body.ReadAsByteArrayAsync(ct);
                }, cancellationToken);
            if (!content.Succeeded || content.Value is null)
            {
                failed++;
                continue;
            }

            var transfer = new PhotoTransfer { JobId = jobId, Outgoing = false, Key = photo.PhotoId, At = clock.GetUtcNow() };
            db.PhotoTransfers.Add(transfer);
            using var stream = new MemoryStream(content.Value);
            var file = new FormFile(stream, 0, stream.Length, UploadPhotos.Field, photo.FileName) { Headers = new HeaderDictionary(), ContentType = photo.ContentType };
            Infrastructure.CommandResult saved;
            try
            {
                saved = await upload.HandleAsync(jobId, [file], PhotoSource.Claims360, cancellationToken);
            }
            catch
            {
                db.Entry(transfer).State = EntityState.Detached;
                throw;
            }

            if (saved.Outcome == Infrastructure.CommandOutcome.Saved)
            {
                moved++;
            }
            else
            {
                // Refused content (not an image): remember it anyway, so it is not fetched every 15 minutes.
                await db.SaveChangesAsync(cancellationToken);
                failed++;
            }
        }

        // The log lines of failed calls.
        await db.SaveChangesAsync(cancellationToken);
        return new Claims360PhotoResult(moved, failed);
    }

    /// <summary>"Send photos": the ticked job photos not sent before, one request each.</summary>
    public async Task<Claims360PhotoResult> SendAsync(int jobId, IReadOnlyCollection<int> photoIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photoIds);
        var link = await db.Claims360JobLinks.AsNoTracking().SingleOrDefaultAsync(l => l.JobId == jobId, cancellationToken);
        if (link is null)
        {
            return new Claims360PhotoResult(0, 0);
        }

        var (moved, failed) = await outgoing.SendAsync(jobId, LogPlatform.Claims360, photoIds,
            (file, ct) => api.UploadPhotoAsync(link.CarrosserieId, link.DossierId, file, ct), cancellationToken);
        return new Claims360PhotoResult(moved, failed);
    }
}
