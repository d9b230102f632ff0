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
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(back);
        int[] ids = oneJob is { } one ? [one] : selected ?? [];
        if (ids.Length == 0)
        {
            TempData["Error"] = texts["Inside.NoneSelected"].Value;
        }
        else
        {
            try
            {
                var result = await mark.HandleAsync(ids, cancellationToken);
                if (result.Marked == 0 && result.AlreadyOffSite > 0)
                {
                    TempData["Error"] = texts["Inside.AlreadyOffSite", result.AlreadyOffSite].Value;
                }
                else
                {
                    TempData["Success"] = result.AlreadyOffSite > 0
                        ? texts["Inside.MarkedSomeAlreadyOffSite", result.Marked, result.AlreadyOffSite].Value
                        : texts["Inside.MarkedOffSite", result.Marked].Value;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Error"] = texts["Inside.Conflict"].Value;
            }
        }

        return RedirectToAction(nameof(VehiclesInside), new { repairer = back.Repairer, finished = back.Finished ? true : (bool?)null, page = back.Page, size = back.Size });
    }
}
