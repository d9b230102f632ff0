using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Jobs;

[Route("jobs")]
public sealed class JobsController(JobScreen screen, DisplayTime displayTime, IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] JobListQuery query, [FromServices] JobList list, CancellationToken cancellationToken) =>
        View(await list.PageAsync(query, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? repairer, CancellationToken cancellationToken)
    {
        var form = new JobForm { RepairerId = repairer, StartDate = displayTime.Today() };
        var model = await screen.BuildAsync(form, null, cancellationToken);
        if (model.Form.RepairerId is null && model.Repairers.Count == 1)
        {
            model.Form.RepairerId = int.Parse(model.Repairers[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return View("Edit", model);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromQuery] JobLogFilter log, CancellationToken cancellationToken)
    {
        var form = await screen.LoadFormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(await screen.BuildAsync(form, log, cancellationToken));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create([Bind(Prefix = "Form")] JobForm form, [FromServices] SaveJob save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, save, cancellationToken);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] JobForm form, [FromServices] SaveJob save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, save, cancellationToken);
    }

    /// <summary>The clock next to "Off site date": off site now, vehicle in unticked, nothing else saved.</summary>
    [HttpPost("{id:int}/off-site")]
    public async Task<IActionResult> OffSite(int id, Guid? concurrencyStamp, [FromServices] MarkJobOffSite mark, CancellationToken cancellationToken)
    {
        var result = await mark.HandleAsync(id, concurrencyStamp, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Conflict:
                TempData["Error"] = texts["Job.Conflict"].Value;
                break;
            default:
                TempData["Success"] = texts["Job.MarkedOffSite"].Value;
                break;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SaveAsync(JobForm form, SaveJob save, CancellationToken cancellationToken)
    {
        // A value the binder could not read (a date typed as text, letters in a mileage) is already in ModelState.
        if (!ModelState.IsValid)
        {
            return View("Edit", await screen.BuildAsync(form, null, cancellationToken));
        }

        var result = await save.HandleAsync(form, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.Saved:
                TempData["Success"] = texts[form.Id is null ? "Job.Created" : "Job.Saved"].Value;
                return RedirectToAction(nameof(Edit), new { id = result.Id });
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Conflict:
                ModelState.AddModelError(string.Empty, texts["Job.Conflict"]);
                return View("Edit", await screen.BuildAsync(form, null, cancellationToken));
            default:
                result.Validation?.AddTo(ModelState, "Form");
                return View("Edit", await screen.BuildAsync(form, null, cancellationToken));
        }
    }
}

public sealed record RepairerOption(int Id, string Name);

public sealed record JobListModel(JobListQuery Query, Page<JobRow> Rows, IReadOnlyList<RepairerOption> Repairers);
