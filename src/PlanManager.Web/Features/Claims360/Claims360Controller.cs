using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Claims360;

/// <summary>Q3 and C2: the Claims360 page (set-up dialog, refresh, queue) and the job's Claims360 actions (C4).</summary>
[Route("claims360")]
public sealed class Claims360Controller(Claims360Page screen, IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? repairer, int? page, int? size, CancellationToken cancellationToken) =>
        View(await screen.BuildAsync(repairer, page, size, null, cancellationToken));

    [HttpPost("setup")]
    public async Task<IActionResult> Setup([Bind(Prefix = "SetupForm")] Claims360SetupForm form, [FromServices] SaveClaims360Setup save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await save.HandleAsync(form, replace: false, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.Saved:
                TempData["Success"] = texts["Claims360.SetupSaved"].Value;
                TempData["Warning"] = result.Warning;
                return RedirectToAction(nameof(Index), new { repairer = form.RepairerId });
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Conflict:
                TempData["Error"] = texts["Claims360.SetupLocked"].Value;
                return RedirectToAction(nameof(Index), new { repairer = form.RepairerId });
            default:
                result.Validation?.AddTo(ModelState, "SetupForm");
                return View(nameof(Index), await screen.BuildAsync(form.RepairerId, null, null, form, cancellationToken));
        }
    }

    /// <summary>The import runs in the background; the page comes back at once with its progress (a second click follows the same import).</summary>
    [HttpPost("refresh")]
    public async Task<IActionResult> Refresh(int repairer, [FromServices] Progress.BackgroundWorks works, CancellationToken cancellationToken)
    {
        var started = await works.StartAsync<RefreshClaims360>(new RefreshClaims360.Arguments(repairer), RefreshClaims360.JoinKey(repairer), cancellationToken);
        return RedirectToAction(nameof(Index), new { repairer, progress = started.Id });
    }

    [HttpPost("items/{id:int}/accept")]
    public async Task<IActionResult> Accept(int id, int? repairer, [FromServices] DecideClaims360Item decide, CancellationToken cancellationToken)
    {
        var result = await decide.AcceptAsync(id, cancellationToken);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome == CommandOutcome.Saved)
        {
            TempData["Success"] = texts["Claims360.Accepted"].Value;
            return Redirect(Url.Action("Edit", "Jobs", new { id = result.Id })!);
        }

        TempData["Error"] = texts["Queue.AlreadyDecided"].Value;
        return RedirectToAction(nameof(Index), new { repairer });
    }

    [HttpPost("items/{id:int}/refuse")]
    public async Task<IActionResult> Refuse(int id, int? repairer, [FromServices] DecideClaims360Item decide, CancellationToken cancellationToken)
    {
        var result = await decide.RefuseAsync(id, cancellationToken);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        TempData[result.Outcome == CommandOutcome.Saved ? "Success" : "Error"] =
            texts[result.Outcome == CommandOutcome.Saved ? "Claims360.Refused" : "Queue.AlreadyDecided"].Value;
        return RedirectToAction(nameof(Index), new { repairer });
    }

    [HttpPost("/jobs/{id:int}/claims360/export")]
    public async Task<IActionResult> Export(int id, [FromServices] Claims360OnJob onJob, CancellationToken cancellationToken) =>
        Report(id, await onJob.ExportOrSendAsync(id, cancellationToken));

    [HttpPost("/jobs/{id:int}/claims360/synchronise")]
    public async Task<IActionResult> Synchronise(int id, [FromServices] Claims360OnJob onJob, CancellationToken cancellationToken) =>
        Report(id, await onJob.SynchroniseAsync(id, cancellationToken));

    [HttpPost("/jobs/{id:int}/claims360/photos")]
    public async Task<IActionResult> SendPhotos(int id, [FromForm] int[] photoIds, [FromServices] Claims360PhotoTransfers photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photoIds);
        if (photoIds.Length == 0)
        {
            // "0 photos sent" would read as done: nothing was ticked, so nothing was asked.
            TempData["Error"] = texts["Photo.TickOne"].Value;
            return Redirect(Url.Action("Edit", "Jobs", new { id })! + "#claims360");
        }

        var result = await photos.SendAsync(id, photoIds, cancellationToken);
        if (result.Failed > 0)
        {
            TempData["Error"] = texts["Claims360.PhotosFailed", result.Moved, result.Failed].Value;
        }
        else
        {
            TempData["Success"] = texts["Claims360.PhotosSent", result.Moved].Value;
        }

        return Redirect(Url.Action("Edit", "Jobs", new { id })! + "#claims360");
    }

    private IActionResult Report(int jobId, Claims360JobResult result)
    {
        if (result.Outcome == Claims360JobOutcome.NotFound)
        {
            return NotFound();
        }

        var ok = result.Outcome is Claims360JobOutcome.Exported or Claims360JobOutcome.Sent or Claims360JobOutcome.EstimateLoaded or Claims360JobOutcome.EstimateUnchanged;
        TempData[ok ? "Success" : "Error"] = texts[$"Claims360.Job.{result.Outcome}", result.Detail ?? string.Empty].Value;
        return Redirect(Url.Action("Edit", "Jobs", new { id = jobId })! + "#claims360");
    }
}

/// <summary>Support corrects a repairer's Claims360 set-up (C2: read-only for staff).</summary>
[Authorize(Policy = IdentitySetup.SupportPolicy)]
[Route("administration/claims360")]
public sealed class Claims360AdministrationController(IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpGet("{repairer:int}")]
    public async Task<IActionResult> Edit(int repairer, [FromServices] Claims360Page page, CancellationToken cancellationToken)
    {
        if (await page.SetupFormAsync(repairer, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        ViewData["Repairer"] = found.Repairer;
        return View(found.Form);
    }

    [HttpPost("{repairer:int}")]
    public async Task<IActionResult> Edit(
        int repairer, Claims360SetupForm form, [FromServices] SaveClaims360Setup save, [FromServices] Claims360Page page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.RepairerId = repairer;
        var result = await save.HandleAsync(form, replace: true, cancellationToken);
        if (result.Outcome == CommandOutcome.Saved)
        {
            TempData["Success"] = texts["Claims360.SetupSaved"].Value;
            TempData["Warning"] = result.Warning;
            return Redirect(Url.Action("Index", "Connectors")! + "#connector-claims360");
        }

        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        result.Validation?.AddTo(ModelState);
        ViewData["Repairer"] = (await page.SetupFormAsync(repairer, cancellationToken))?.Repairer;
        return View(form);
    }
}
