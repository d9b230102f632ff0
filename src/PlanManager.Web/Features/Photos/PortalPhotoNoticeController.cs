using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Photos;

/// <summary>Staff mark the customer's portal photos seen; the notice on the job goes away until the next ones.</summary>
[Route("jobs/{jobId:int}/portal-photos")]
public sealed class PortalPhotoNoticeController(MarkPortalPhotosSeen markSeen) : Controller
{
    [HttpPost("seen")]
    public async Task<IActionResult> Seen(int jobId, CancellationToken cancellationToken)
    {
        var result = await markSeen.HandleAsync(jobId, cancellationToken);
        return result.Outcome == CommandOutcome.NotFound ? NotFound() : Redirect(Url.Action("Edit", "Jobs", new { id = jobId }) + "#photos");
    }
}

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
