using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Photos;
using Refit;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// Job photos sent to a platform's dossier (Claims360 C4, Informex C5): each ticked photo goes
/// once, one request each (uploads are never retried by the HTTP client); a transfer row is saved
/// right after the platform accepted it, so a second press sends only what is new.
/// </summary>
public sealed class OutgoingPhotos(PlanManagerDbContext db, ConnectorGateway gateway, IPhotoStorage storage, TimeProvider clock)
{
    /// <summary>The job photo ids already sent to the platform, for the tick boxes.</summary>
    public async Task<IReadOnlySet<int>> SentAsync(int jobId, LogPlatform platform, CancellationToken cancellationToken)
    {
        var keys = await db.PhotoTransfers.AsNoTracking().Where(t => t.JobId == jobId && t.Platform == platform && t.Outgoing).Select(t => t.Key).ToListAsync(cancellationToken);
        return keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>Sends the ticked photos not sent before with <paramref name="upload"/>; returns how many went and how many failed.</summary>
    public async Task<(int Sent, int Failed)> SendAsync(
        int jobId, LogPlatform platform, IReadOnlyCollection<int> photoIds, Func<StreamPart, CancellationToken, Task> upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photoIds);
        ArgumentNullException.ThrowIfNull(upload);
        if (photoIds.Count == 0)
        {
            return (0, 0);
        }

        var done = await SentAsync(jobId, platform, cancellationToken);
        var photos = await db.JobPhotos.AsNoTracking().Where(p => p.JobId == jobId && photoIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var photo in photos.Where(p => !done.Contains(p.Id)))
        {
            var result = await gateway.CallAsync(Platforms.Connector(platform), "send photo", jobId, async ct =>
            {
                await using var content = await storage.OpenReadAsync(photo.StoredName, ct) ?? throw new FileNotFoundException(photo.StoredName);
                await upload(new StreamPart(content, photo.OriginalFileName, ContentTypeOf(photo.Format)), ct);
            }, cancellationToken);
            if (result.Succeeded)
            {
                db.PhotoTransfers.Add(new PhotoTransfer
                {
                    JobId = jobId, Platform = platform, Outgoing = true, Key = photo.Id.ToString(CultureInfo.InvariantCulture), At = clock.GetUtcNow(),
                });
                sent++;
            }
            else
            {
                failed++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (sent, failed);
    }

    private static string ContentTypeOf(PhotoFormat format) => format switch
    {
        PhotoFormat.Png => "image/png",
        PhotoFormat.Heic => "image/heic",
        _ => "image/jpeg",
    };
}
