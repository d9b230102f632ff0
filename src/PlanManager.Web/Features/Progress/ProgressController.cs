using Microsoft.AspNetCore.Mvc;

namespace PlanManager.Web.Features.Progress;

/// <summary>The tiny JSON the progress bar polls (wwwroot/js/site.js); any signed-in staff member may follow any work.</summary>
[Route("progress")]
public sealed class ProgressController(ProgressPage page) : Controller
{
    [HttpGet("{id:int}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken) =>
        await page.BuildAsync(id, cancellationToken) is { } view ? Json(view) : NotFound();
}
