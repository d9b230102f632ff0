using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Workshop;

/// <summary>
/// The clock button for many cars at once (J3): each chosen job still marked in gets its off site
/// date stamped, "vehicle in" cleared and a log line with the user, all in one save; the save
/// stamps each job and notices the CAPS push each UK job then owes (decision 0010).
/// </summary>
/// <summary>How many cars were marked off site now, and how many of those asked for were already off site (another tab, another user).</summary>
public sealed record OffSiteResult(int Marked, int AlreadyOffSite);

public sealed class MarkVehiclesOffSite(PlanManagerDbContext db, JobLogWriter log, TimeProvider clock)
{
    /// <summary>More than the largest page; a request with more ids was not made by the page.</summary>
    public const int MaxJobs = 500;

    public async Task<OffSiteResult> HandleAsync(IReadOnlyCollection<int> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var ids = jobIds.Distinct().Take(MaxJobs).ToList();
        if (ids.Count == 0)
        {
            return new OffSiteResult(0, 0);
        }

        // Jobs someone else already marked off site (or that are not inside) are left alone.
        var jobs = await db.Jobs.Where(j => ids.Contains(j.Id) && j.VehicleIn).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var job in jobs)
        {
            job.MarkOffSite(now);
            log.Add(job, JobLogMessages.OffSite);
        }

        await db.SaveChangesAsync(cancellationToken);
        var already = await db.Jobs.CountAsync(j => ids.Contains(j.Id) && !j.VehicleIn, cancellationToken) - jobs.Count;
        return new OffSiteResult(jobs.Count, already);
    }
}
