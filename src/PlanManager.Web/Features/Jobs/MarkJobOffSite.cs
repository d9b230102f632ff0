using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Jobs;

/// <summary>
/// The clock next to "Off site date" (J3): stamps the date now and unticks "vehicle in", and changes
/// nothing else, so unsaved edits in the job form are never saved with it by surprise.
/// </summary>
public sealed class MarkJobOffSite(PlanManagerDbContext db, JobLogWriter log, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int jobId, Guid? concurrencyStamp, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return CommandResult.NotFound;
        }

        if (concurrencyStamp != job.ConcurrencyStamp)
        {
            return CommandResult.Conflict;
        }

        job.MarkOffSite(clock.GetUtcNow());
        log.Add(job, JobLogMessages.OffSite);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict;
        }

        return CommandResult.Saved(job.Id);
    }
}
