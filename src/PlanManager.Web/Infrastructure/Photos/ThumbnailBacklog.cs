using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Photos;

public sealed class ThumbnailOptions
{
    public const string Section = "Photos:Thumbnails";

    /// <summary>Photos waiting in memory; more are left to the sweep (nothing is lost, only later).</summary>
    public int Capacity { get; set; } = 64;

    /// <summary>How often the database is swept for photos still waiting (dropped, or queued on a node that stopped).</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Off: nothing makes thumbnails (tests that look at a photo before its thumbnail).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Thumbnails of portal photos are made here, not in the anonymous request (issue 16): a bounded
/// queue of photo ids in memory and one worker that decodes one photo at a time. A full queue
/// drops the id; the row keeps <see cref="JobPhoto.ThumbnailPending"/> and the periodic sweep
/// queues it again, so a flood of uploads costs at most one decode at a time on each node.
/// </summary>
public sealed class ThumbnailBacklog(IOptions<ThumbnailOptions> options)
{
    private readonly Channel<int> _ids = Channel.CreateBounded<int>(new BoundedChannelOptions(Math.Max(1, options.Value.Capacity))
    {
        // Wait (not DropWrite, whose TryWrite claims success while dropping): a full queue answers false at once.
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>False when the queue is full: the sweep will find the photo later.</summary>
    public bool TryEnqueue(int photoId) => _ids.Writer.TryWrite(photoId);

    public int Count => _ids.Reader.Count;

    internal ChannelReader<int> Reader => _ids.Reader;
}

/// <summary>Makes the thumbnail of one waiting photo; used by the worker and by tests.</summary>
public sealed class MakeThumbnail(PlanManagerDbContext db, IPhotoStorage storage, ILogger<MakeThumbnail> logger)
{
    /// <summary>True when a waiting photo was handled (a thumbnail made, or found not decodable).</summary>
    public async Task<bool> HandleAsync(int photoId, CancellationToken cancellationToken)
    {
        var photo = await db.JobPhotos.SingleOrDefaultAsync(p => p.Id == photoId && p.ThumbnailPending, cancellationToken);
        if (photo is null)
        {
            return false;
        }

        PhotoPreview? preview = null;
        await using (var original = await storage.OpenReadAsync(photo.StoredName, cancellationToken))
        {
            if (original is not null)
            {
                preview = PhotoThumbnails.Create(original, PhotoLimits.ThumbnailSize);
            }
        }

        if (preview is null)
        {
            logger.LogInformation("No thumbnail for {Format} photo {StoredName}: it could not be decoded", photo.Format, photo.StoredName);
        }
        else
        {
            var name = PhotoNames.ThumbnailOf(photo.StoredName);
            using var thumbnail = new MemoryStream(preview.Thumbnail, writable: false);
            // Two nodes sweeping the same photo write the same file under the same name: harmless.
            await storage.SaveAsync(name, thumbnail, cancellationToken);
            photo.ThumbnailName = name;
            photo.Width = preview.Width;
            photo.Height = preview.Height;
        }

        photo.ThumbnailPending = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The photo was deleted meanwhile; its thumbnail file (if written) goes with the sweep of deleted files.
            return false;
        }

        return true;
    }
}

/// <summary>The one consumer of <see cref="ThumbnailBacklog"/>, plus the sweep of photos still waiting.</summary>
public sealed class ThumbnailWorker(ThumbnailBacklog queue, IServiceScopeFactory scopes, IOptions<ThumbnailOptions> options, TimeProvider clock, ILogger<ThumbnailWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await Task.WhenAll(ConsumeAsync(stoppingToken), SweepAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued stays pending in the database for the next start.
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MakeThumbnail>().HandleAsync(id, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left pending: the next sweep tries again.
                logger.LogWarning(ex, "The thumbnail of photo {PhotoId} could not be made", id);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery, clock);
        do
        {
            // A full batch means more are waiting (an import's copied photos): sweep again as soon as the queue has
            // drained, rather than a batch a minute. One decode at a time still, so a flood costs no more CPU.
            while (await SweepOnceAsync(stoppingToken))
            {
                while (queue.Count > 0)
                {
                    await Task.Delay(DrainPoll, stoppingToken);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>Queues the oldest waiting photos; true when the queue took a whole batch (more are likely waiting).</summary>
    private async Task<bool> SweepOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
            var waiting = await db.JobPhotos.AsNoTracking().Where(p => p.ThumbnailPending).OrderBy(p => p.Id)
                .Select(p => p.Id).Take(options.Value.Capacity).ToListAsync(stoppingToken);
            var queued = 0;
            foreach (var id in waiting)
            {
                if (!queue.TryEnqueue(id))
                {
                    break;
                }

                queued++;
            }

            return waiting.Count == options.Value.Capacity && queued == waiting.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The sweep for photos waiting for a thumbnail failed");
            return false;
        }
    }
}
