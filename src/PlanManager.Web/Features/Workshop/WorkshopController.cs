using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace PlanManager.Web.Features.Workshop;

[Route("workshop")]
public sealed class WorkshopController(IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpGet("vehicles-inside")]
    public async Task<IActionResult> VehiclesInside([FromQuery] VehiclesInsideQuery query, [FromServices] VehiclesInside list, CancellationToken cancellationToken) =>
        View(await list.HandleAsync(query, cancellationToken));

    /// <summary>The bulk button sends the ticked rows; a row's own button sends just its job.</summary>
    [HttpPost("vehicles-inside/off-site")]
    public async Task<IActionResult> MarkOffSite(
        [FromForm] int[]? selected,
        [FromForm(Name = "single")] int? oneJob,
        [FromForm] VehiclesInsideQuery back,
        [FromServices] MarkVehiclesOffSite mark,
        [FromServices] Progress.BackgroundWorks works,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(back);
        int[] ids = oneJob is { } one ? [one] : selected ?? [];
        int? progress = null;
        if (ids.Length == 0)
        {
            TempData["Error"] = texts["Inside.NoneSelected"].Value;
        }
        else if (ids.Distinct().Count() > MarkVehiclesOffSite.ImmediateLimit)
        {
            // Many cars: in the background, the page comes back at once with the progress.
            progress = (await works.StartAsync<MarkVehiclesOffSiteWork>(new MarkVehiclesOffSiteWork.Arguments([.. ids.Distinct().Take(MarkVehiclesOffSite.MaxJobs)]), null, cancellationToken)).Id;
        }
        else
        {
            try
            {
                var outcome = MarkVehiclesOffSiteWork.Outcome(await mark.HandleAsync(ids, cancellationToken));
                TempData[outcome.Succeeded ? "Success" : "Error"] = texts[outcome.MessageKey, [.. outcome.Arguments]].Value;
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Error"] = texts["Inside.Conflict"].Value;
            }
        }

        return RedirectToAction(nameof(VehiclesInside), new { repairer = back.Repairer, finished = back.Finished ? true : (bool?)null, page = back.Page, size = back.Size, progress });
    }
}
