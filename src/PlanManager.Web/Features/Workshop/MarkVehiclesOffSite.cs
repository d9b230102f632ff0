using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Workshop;

/// <summary>How many cars were marked off site now, and how many of those asked for were already off site (another tab, another user).</summary>
public sealed record OffSiteResult(int Marked, int AlreadyOffSite, bool Conflict = false);

/// <summary>
/// The clock button for many cars at once (J3): each chosen job still marked in gets its off site
/// date stamped, "vehicle in" cleared and a log line with the user, all in one save; the save
/// stamps each job and notices the CAPS push each UK job then owes (decision 0010).
/// </summary>
public sealed class MarkVehiclesOffSite(PlanManagerDbContext db, JobLogWriter log, TimeProvider clock)
{
    /// <summary>More than the largest page; a request with more ids was not made by the page.</summary>
    public const int MaxJobs = 500;

    /// <summary>Up to this many cars are marked in the request; more go to the background with a progress bar (MarkVehiclesOffSiteWork).</summary>
    public const int ImmediateLimit = 10;

    private const int Chunk = 25;

    public async Task<OffSiteResult> HandleAsync(IReadOnlyCollection<int> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var ids = jobIds.Distinct().Take(MaxJobs).ToList();
        if (ids.Count == 0)
        {
            return new OffSiteResult(0, 0);
        }

        var marked = await MarkAsync(ids, cancellationToken);
        var already = await db.Jobs.CountAsync(j => ids.Contains(j.Id) && !j.VehicleIn, cancellationToken) - marked;
        return new OffSiteResult(marked, already);
    }

    /// <summary>
    /// Many cars, a save per <see cref="Chunk"/> so the progress moves and a long list never holds one transaction. A chunk that
    /// meets someone else's change is read again once (what is still inside is marked); a second clash stops there.
    /// </summary>
    public async Task<OffSiteResult> HandleInChunksAsync(IReadOnlyCollection<int> jobIds, Progress.IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        ArgumentNullException.ThrowIfNull(progress);
        var ids = jobIds.Distinct().Take(MaxJobs).ToList();
        var marked = 0;
        for (var start = 0; start < ids.Count; start += Chunk)
        {
            await progress.ReportAsync(start, ids.Count, Step, cancellationToken);
            var chunk = ids.Skip(start).Take(Chunk).ToList();
            int? saved = null;
            for (var attempt = 1; attempt <= 2 && saved is null; attempt++)
            {
                try
                {
                    saved = await MarkAsync(chunk, cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            if (saved is not { } count)
            {
                return new OffSiteResult(marked, 0, Conflict: true);
            }

            marked += count;
        }

        await progress.ReportAsync(ids.Count, ids.Count, Step, cancellationToken);
        var already = await db.Jobs.CountAsync(j => ids.Contains(j.Id) && !j.VehicleIn, cancellationToken) - marked;
        return new OffSiteResult(marked, already);
    }

    public const string Step = "Progress.Step.OffSite";

    /// <summary>Marks the jobs still inside, in one save; jobs someone else already marked off site (or not inside) are left alone.</summary>
    private async Task<int> MarkAsync(List<int> ids, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var jobs = await db.Jobs.Where(j => ids.Contains(j.Id) && j.VehicleIn).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var job in jobs)
        {
            job.MarkOffSite(now);
            log.Add(job, JobLogMessages.OffSite);
        }

        await db.SaveChangesAsync(cancellationToken);
        return jobs.Count;
    }
}
