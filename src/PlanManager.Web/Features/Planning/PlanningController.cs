using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Planning;

/// <summary>The workshop planning board (W1): week, month, capacity, a job's plan form and the day sheet.</summary>
[Route("planning")]
public sealed class PlanningController(IStringLocalizer<SharedResource> texts) : Controller
{
    /// <summary>The repairer last shown, so the board opens on the planner's own location next time.</summary>
    public const string RepairerCookie = "pm.planning.repairer";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] PlanningQuery query, [FromServices] PlanningBoard board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Repairer ??= RememberedRepairer();
        var model = await board.BuildAsync(query, cancellationToken);
        Remember(model.RepairerId);
        return View(model);
    }

    [HttpGet("month")]
    public async Task<IActionResult> Month(int? repairer, DateOnly? month, [FromServices] PlanningOverview overview, CancellationToken cancellationToken)
    {
        var model = await overview.MonthAsync(repairer ?? RememberedRepairer(), month, cancellationToken);
        Remember(model.RepairerId);
        return View(model);
    }

    [HttpGet("day-sheet")]
    public async Task<IActionResult> DaySheet(int? repairer, DateOnly? date, Department department, [FromServices] PlanningOverview overview,
        CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(department))
        {
            return BadRequest();
        }

        return View(await overview.DaySheetAsync(repairer ?? RememberedRepairer(), date, department, cancellationToken));
    }

    [HttpGet("jobs/{id:int}")]
    public async Task<IActionResult> Job(int id, [FromServices] JobPlanPage page, CancellationToken cancellationToken) =>
        await page.BuildAsync(id, null, null, cancellationToken) is { } model ? View(model) : NotFound();

    /// <summary>
    /// A move from the board (drag, keyboard, a drop of an unplanned job) or the plan form. From the
    /// board every answer goes back to the board's week with a message; from the form a refusal shows the form again.
    /// </summary>
    [HttpPost("jobs/{id:int}/plan")]
    public async Task<IActionResult> Plan(int id, PlanForm form, DateOnly? week, bool fromForm, [FromServices] PlanJob plan, [FromServices] JobPlanPage page,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.IsValid
            ? await plan.HandleAsync(id, form, cancellationToken)
            : CommandResult.Invalid(nameof(PlanForm.Start), texts["Validation.DateRange"]);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        var message = result.Outcome switch
        {
            CommandOutcome.Saved => texts["Planning.Planned"].Value,
            CommandOutcome.Conflict => texts["Planning.Conflict"].Value,
            _ => string.Join(" ", result.Validation?.Errors.Select(e => e.ErrorMessage).Distinct() ?? []),
        };
        if (fromForm && result.Outcome != CommandOutcome.Saved)
        {
            if (result.Outcome == CommandOutcome.Conflict)
            {
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, message);
                return View(nameof(Job), await page.BuildAsync(id, null, null, cancellationToken));
            }

            result.Validation?.AddTo(ModelState);
            return View(nameof(Job), await page.BuildAsync(id, form, null, cancellationToken));
        }

        TempData[result.Outcome == CommandOutcome.Saved ? "Success" : "Error"] = message;
        var repairer = await page.BuildAsync(id, null, null, cancellationToken);
        return RedirectToAction(nameof(Index), new
        {
            repairer = repairer?.RepairerId,
            week = Iso(week ?? (result.Outcome == CommandOutcome.Saved ? form.Start : null)),
            focus = fromForm ? (int?)null : id,
        });
    }

    [HttpPost("jobs/{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, HoursForm form, [FromServices] PlanHours hours, [FromServices] JobPlanPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await page.BuildAsync(id, null, form, cancellationToken) is { } invalid ? View(nameof(Job), invalid) : NotFound();
        }

        var result = await hours.HandleAsync(id, form, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Saved:
                TempData["Success"] = texts["Planning.HoursSaved"].Value;
                return RedirectToAction(nameof(Job), new { id });
            default:
                result.Validation?.AddTo(ModelState);
                return View(nameof(Job), await page.BuildAsync(id, null, form, cancellationToken));
        }
    }

    [HttpGet("capacity/{repairerId:int}")]
    public async Task<IActionResult> Capacity(int repairerId, [FromServices] PlanningCapacity capacity, CancellationToken cancellationToken) =>
        await capacity.BuildAsync(repairerId, null, User.IsInRole(Roles.Support), cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("capacity/{repairerId:int}")]
    [Authorize(Policy = IdentitySetup.SupportPolicy)]
    public async Task<IActionResult> Capacity(int repairerId, CapacityForm form, [FromServices] PlanningCapacity capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.IsValid
            ? await capacity.SaveAsync(repairerId, form, cancellationToken)
            : CommandResult.Invalid(string.Empty, texts["Planning.Validation.HoursPerDay"]);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome == CommandOutcome.Saved)
        {
            TempData["Success"] = texts["Planning.CapacitySaved"].Value;
            return RedirectToAction(nameof(Capacity), new { repairerId });
        }

        result.Validation?.AddTo(ModelState);
        return await capacity.BuildAsync(repairerId, form, true, cancellationToken) is { } model ? View(model) : NotFound();
    }

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private int? RememberedRepairer() =>
        int.TryParse(Request.Cookies[RepairerCookie], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private void Remember(int repairerId)
    {
        if (repairerId > 0)
        {
            Response.Cookies.Append(RepairerCookie, repairerId.ToString(CultureInfo.InvariantCulture), new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        }
    }
}
