using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.JobQueue;

/// <summary>Job > Job Queue: CAPS offers (Q1) and AudatexUK claims (Q2).</summary>
[Route("job-queue/{platform:regex(^(caps|audatex-uk)$)}")]
public sealed class JobQueueController(IStringLocalizer<SharedResource> texts) : Controller
{
    /// <summary>Opening the page imports the open offers first (there is no background import, as in the original): the GET imports, and says so.</summary>
    [HttpGet("")]
    [ActionName("Index")]
    public async Task<IActionResult> ImportOffersAndList(string platform, int? page, [FromServices] ImportQueueOffers import, [FromServices] QueueList list,
        [FromServices] ConnectorSettings settings, CancellationToken cancellationToken)
    {
        var kind = QueuePlatforms.FromSegment(platform)!.Value;
        var enabled = await settings.IsEnabledAsync(kind, cancellationToken);
        var imported = enabled ? await import.HandleAsync(kind, cancellationToken) : null;
        return View("Index", new QueuePageModel(kind, false, enabled, imported, await list.HandleAsync(kind, false, page, cancellationToken)));
    }

    [HttpGet("decided")]
    public async Task<IActionResult> Decided(string platform, int? page, [FromServices] QueueList list, [FromServices] ConnectorSettings settings, CancellationToken cancellationToken)
    {
        var kind = QueuePlatforms.FromSegment(platform)!.Value;
        var enabled = await settings.IsEnabledAsync(kind, cancellationToken);
        return View("Index", new QueuePageModel(kind, true, enabled, null, await list.HandleAsync(kind, true, page, cancellationToken)));
    }

    [HttpPost("{id:int}/accept")]
    public async Task<IActionResult> Accept(string platform, int id, [FromServices] DecideQueueItem decide, CancellationToken cancellationToken)
    {
        var kind = QueuePlatforms.FromSegment(platform)!.Value;
        var result = await decide.AcceptAsync(kind, id, cancellationToken);
        if (result.Outcome == DecisionOutcome.Done)
        {
            TempData["Success"] = texts["Queue.Accepted"].Value;
            return RedirectToAction("Edit", "Jobs", new { id = result.JobId });
        }

        return Back(kind, result);
    }

    [HttpPost("{id:int}/deny")]
    public async Task<IActionResult> Deny(string platform, int id, DenyForm form, [FromServices] DecideQueueItem decide, CancellationToken cancellationToken)
    {
        var kind = QueuePlatforms.FromSegment(platform)!.Value;
        var result = await decide.DenyAsync(kind, id, form, cancellationToken);
        if (result.Outcome == DecisionOutcome.Done)
        {
            TempData["Success"] = texts[kind == ConnectorKind.Caps ? "Queue.Denied" : "Queue.Rejected"].Value;
            return RedirectToAction(nameof(Index), new { platform });
        }

        return Back(kind, result);
    }

    /// <summary>A refusal is said in plain words on the queue page; the item is as the platform left it.</summary>
    private RedirectToActionResult Back(ConnectorKind kind, DecisionResult result)
    {
        TempData["Error"] = result.Outcome switch
        {
            DecisionOutcome.Invalid => string.Join(" ", result.Validation!.Errors.Select(e => e.ErrorMessage)),
            DecisionOutcome.NotFound => texts["Queue.NotFound"].Value,
            DecisionOutcome.AlreadyDecided => texts["Queue.AlreadyDecided"].Value,
            DecisionOutcome.NoRepairer => texts["Queue.NoRepairer"].Value,
            _ when result.PlatformOutcome == Connectors.Common.ConnectorOutcome.Conflict => texts["Queue.PlatformConflict", texts[$"Connector.{kind}"]].Value,
            _ => texts["Queue.PlatformFailed", texts[$"Connector.{kind}"], texts[$"ConnectorOutcome.{result.PlatformOutcome}"]].Value,
        };
        return RedirectToAction(nameof(Index), new { platform = QueuePlatforms.Segment(kind) });
    }
}
