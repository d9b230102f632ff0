using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;

namespace PlanManager.Web.Features.Photos;

/// <summary>Staff mark the customer's portal photos seen; the notice on the job goes away until the next ones.</summary>
[Route("jobs/{jobId:int}/portal-photos")]
public sealed class PortalPhotoNoticeController(PlanManagerDbContext db) : Controller
{
    [HttpPost("seen")]
    public async Task<IActionResult> Seen(int jobId, CancellationToken cancellationToken)
    {
        var updated = await db.Jobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.PortalPhotosAddedAt, (DateTimeOffset?)null), cancellationToken);
        return updated == 0 ? NotFound() : Redirect(Url.Action("Edit", "Jobs", new { id = jobId }) + "#photos");
    }
}
