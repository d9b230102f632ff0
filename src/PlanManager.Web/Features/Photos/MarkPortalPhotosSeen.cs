using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Photos;

/// <summary>Clears the job's notice of new portal photos (P4).</summary>
public sealed class MarkPortalPhotosSeen(PlanManagerDbContext db)
{
    public async Task<CommandResult> HandleAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return CommandResult.NotFound;
        }

        job.MarkPortalPhotosSeen();
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(jobId);
    }
}
