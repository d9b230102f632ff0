using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Informex;

/// <summary>Q4: Job Queue > Informex; C5: the job's Winformex page ("i" sends, second-circuit link, estimate).</summary>
public sealed class InformexController(InformexPages pages, IStringLocalizer<SharedResource> texts) : Controller
{
    private const string JobAnchor = "#winformex";

    [HttpGet("job-queue/informex")]
    public async Task<IActionResult> Index(int? repairer, string? q, int? page, int? size, CancellationToken cancellationToken) =>
        View(await pages.QueueAsync(repairer, q, page, size, cancellationToken));

    /// <summary>"Import now" runs in the background; the page comes back at once with its progress (a second click follows the same import).</summary>
    [HttpPost("job-queue/informex/import")]
    public async Task<IActionResult> Import(int? repairer, [FromServices] Progress.BackgroundWorks works, CancellationToken cancellationToken)
    {
        var started = await works.StartAsync<ImportInformexNow>(new ImportInformexNow.Arguments(repairer), ImportInformexNow.JoinKey(repairer), cancellationToken);
        return RedirectToAction(nameof(Index), new { repairer, progress = started.Id });
    }

    [HttpGet("jobs/{id:int}/winformex")]
    public async Task<IActionResult> Job(int id, CancellationToken cancellationToken)
    {
        var model = await pages.JobAsync(id, null, null, Request.Query[InformexPages.CompareParameter], cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("jobs/{id:int}/winformex")]
    public async Task<IActionResult> Save(int id, [Bind(Prefix = "Form")] SecondCircuitForm form, [FromServices] InformexOnJob onJob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            // A number field that is not a number: say so next to it, keep what was typed.
            return await Redisplay(id, form, null, cancellationToken);
        }

        var result = await onJob.SaveAsync(id, form, cancellationToken);
        if (result.Outcome == InformexJobOutcome.Invalid)
        {
            result.Validation?.AddTo(ModelState, "Form");
            return await Redisplay(id, form, null, cancellationToken);
        }

        return Report(id, result);
    }

    /// <summary>"i" on the job's Winformex card: sends from the job in one press (the card asks once before the billed first send).</summary>
    [HttpPost("jobs/{id:int}/winformex/send")]
    public async Task<IActionResult> SendFromJob(int id, [FromServices] InformexOnJob onJob, CancellationToken cancellationToken)
    {
        var (result, form) = await onJob.SendFromJobAsync(id, cancellationToken);
        if (result.Outcome == InformexJobOutcome.Invalid)
        {
            // Something the send needs is missing (the mileage, say): the Winformex page shows what, next to the field.
            result.Validation?.AddTo(ModelState, "Form");
            return await Redisplay(id, form, null, cancellationToken);
        }

        return Report(id, result, Url.Action("Edit", "Jobs", new { id })!);
    }

    [HttpPost("jobs/{id:int}/winformex/link")]
    public async Task<IActionResult> Link(int id, [Bind(Prefix = "LinkForm")] SecondCircuitLinkForm form, [FromServices] InformexOnJob onJob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await onJob.LinkAsync(id, form, cancellationToken);
        if (result.Outcome is InformexJobOutcome.Invalid or InformexJobOutcome.UnknownAssignment)
        {
            if (result.Outcome == InformexJobOutcome.UnknownAssignment)
            {
                ModelState.AddModelError("LinkForm.AssignmentNumber", texts["Informex.Job.UnknownAssignment", result.Detail ?? string.Empty].Value);
            }

            result.Validation?.AddTo(ModelState, "LinkForm");
            return await Redisplay(id, null, form, cancellationToken);
        }

        return Report(id, result);
    }

    [HttpPost("jobs/{id:int}/winformex/estimate")]
    public async Task<IActionResult> Estimate(int id, [FromServices] InformexOnJob onJob, CancellationToken cancellationToken) =>
        Report(id, await onJob.LoadEstimateAsync(id, cancellationToken));

    private async Task<IActionResult> Redisplay(int id, SecondCircuitForm? form, SecondCircuitLinkForm? link, CancellationToken cancellationToken)
    {
        var model = await pages.JobAsync(id, form, link, null, cancellationToken);
        return model is null ? NotFound() : View(nameof(Job), model);
    }

    private IActionResult Report(int jobId, InformexJobResult result, string? back = null)
    {
        if (result.Outcome == InformexJobOutcome.NotFound)
        {
            return NotFound();
        }

        var ok = result.Outcome is InformexJobOutcome.Saved or InformexJobOutcome.Sent or InformexJobOutcome.SentAgain or InformexJobOutcome.Linked
            or InformexJobOutcome.LinkPending or InformexJobOutcome.EstimateLoaded or InformexJobOutcome.EstimateUnchanged;
        var message = texts[$"Informex.Job.{result.Outcome}", result.Detail ?? string.Empty].Value;
        if (result.PhotosSent > 0 || result.PhotosFailed > 0)
        {
            message += " " + (result.PhotosFailed > 0
                ? texts["Informex.PhotosFailed", result.PhotosSent, result.PhotosFailed].Value
                : texts["Informex.PhotosSent", result.PhotosSent].Value);
            ok &= result.PhotosFailed == 0;
        }

        TempData[ok ? "Success" : "Error"] = message;
        return Redirect((back ?? Url.Action(nameof(Job), new { id = jobId })!) + JobAnchor);
    }
}
