using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.TimeRegistration;

/// <summary>Workshop &gt; Time (W2) for staff: timesheets, technicians, tablets, a job's hours and line corrections.</summary>
[Route("workshop/time")]
public sealed class TimeController(IStringLocalizer<SharedResource> texts) : Controller
{
    public const string NewCodeKey = "TechnicianCode";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] TimesheetQuery query, [FromServices] Timesheets sheets, CancellationToken cancellationToken) =>
        View(await sheets.DayAsync(query, cancellationToken));

    [HttpGet("week")]
    public async Task<IActionResult> Week([FromQuery] TimesheetQuery query, [FromServices] Timesheets sheets, CancellationToken cancellationToken) =>
        View(await sheets.WeekAsync(query, cancellationToken));

    [HttpGet("day.csv")]
    public async Task<IActionResult> DayCsv([FromQuery] TimesheetQuery query, [FromServices] Timesheets sheets, [FromServices] DisplayTime time, CancellationToken cancellationToken)
    {
        var model = await sheets.DayAsync(query, cancellationToken);
        var rows = new List<IEnumerable<string?>>
        {
            new[] { texts["Clock.Technician"].Value, texts["Job.Number"].Value, texts["Job.Registration"].Value, texts["Clock.Task"].Value,
                texts["Technician.Department"].Value, texts["Clock.Start"].Value, texts["Clock.End"].Value, texts["Clock.Hours"].Value, texts["Clock.Review"].Value },
        };
        rows.AddRange(model.Technicians.SelectMany(t => t.Lines).Select(l => new[]
        {
            l.Technician, l.JobNumber.ToString(CultureInfo.InvariantCulture), l.Registration, texts[$"WorkTask.{l.Task}"].Value, texts[$"Department.{l.Department}"].Value,
            time.Local(l.StartedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            l.EndedAt is { } end ? time.Local(end).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty,
            TimesheetCsv.Hours(l.Hours(model.Now)), l.NeedsReview ? texts["Clock.ToReview"].Value : string.Empty,
        }));
        return File(TimesheetCsv.Encode(rows), "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"timesheet-{model.Date:yyyy-MM-dd}.csv"));
    }

    [HttpGet("week.csv")]
    public async Task<IActionResult> WeekCsv([FromQuery] TimesheetQuery query, [FromServices] Timesheets sheets, CancellationToken cancellationToken)
    {
        var model = await sheets.WeekAsync(query, cancellationToken);
        var header = new List<string?> { texts["Clock.Technician"].Value };
        header.AddRange(Enumerable.Range(0, 7).Select(d => model.Monday.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        header.Add(texts["Clock.Total"].Value);
        var rows = new List<IEnumerable<string?>> { header };
        rows.AddRange(model.Technicians.Select(t => new[] { t.Technician }.Concat(t.Days.Select(TimesheetCsv.Hours)).Append(TimesheetCsv.Hours(t.Total))));
        rows.Add(new[] { texts["Clock.Total"].Value }.Concat(model.DayTotals.Select(TimesheetCsv.Hours)).Append(TimesheetCsv.Hours(model.Total)));
        return File(TimesheetCsv.Encode(rows), "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"week-{model.Monday:yyyy-MM-dd}.csv"));
    }

    [HttpGet("technicians")]
    public async Task<IActionResult> Technicians([FromQuery] int? repairer, [FromQuery] string? sort, [FromServices] Technicians technicians, CancellationToken cancellationToken) =>
        View(await technicians.ListAsync(repairer, sort == "desc", cancellationToken));

    [HttpGet("technicians/new")]
    public async Task<IActionResult> NewTechnician([FromServices] Technicians technicians, CancellationToken cancellationToken) =>
        View("Technician", await technicians.EditAsync(null, cancellationToken));

    [HttpPost("technicians/new")]
    public Task<IActionResult> NewTechnician([FromForm(Name = "Form")] TechnicianForm form, [FromServices] Technicians technicians, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveTechnicianAsync(form, technicians, cancellationToken);
    }

    [HttpGet("technicians/{id:int}")]
    public async Task<IActionResult> Technician(int id, [FromServices] Technicians technicians, CancellationToken cancellationToken) =>
        await technicians.EditAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("technicians/{id:int}")]
    public Task<IActionResult> Technician(int id, [FromForm(Name = "Form")] TechnicianForm form, [FromServices] Technicians technicians, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveTechnicianAsync(form, technicians, cancellationToken);
    }

    [HttpPost("technicians/{id:int}/new-code")]
    public async Task<IActionResult> NewCode(int id, [FromServices] Technicians technicians, CancellationToken cancellationToken)
    {
        if (await technicians.NewCodeAsync(id, cancellationToken) is not { } code)
        {
            return NotFound();
        }

        TempData[NewCodeKey] = code;
        return RedirectToAction(nameof(Technician), new { id });
    }

    [HttpPost("technicians/{id:int}/deactivate")]
    public async Task<IActionResult> Deactivate(int id, [FromServices] Technicians technicians, CancellationToken cancellationToken)
    {
        if (!await technicians.DeactivateAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = texts["Technician.Deactivated"].Value;
        return RedirectToAction(nameof(Technicians));
    }

    [HttpGet("tablets")]
    public async Task<IActionResult> Tablets([FromServices] Kiosks kiosks, CancellationToken cancellationToken) => View(await kiosks.ListAsync(null, cancellationToken));

    /// <summary>
    /// Opens a tablet for a repairer, on the tablet itself: the kiosk cookie is set and the staff member is
    /// signed out of this browser (the cookie only; their other sessions stay), so the staff session is not kept on it.
    /// </summary>
    [HttpPost("tablets/open")]
    public async Task<IActionResult> OpenTablet([FromForm(Name = "Form")] OpenKioskForm form, [FromServices] Kiosks kiosks, [FromServices] KioskSession session,
        [FromServices] SignInManager<ApplicationUser> signIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await kiosks.OpenAsync(form, cancellationToken) is not { } id)
        {
            ModelState.AddModelError("Form.RepairerId", texts["Kiosk.Invalid"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Tablets), await kiosks.ListAsync(form, cancellationToken));
        }

        session.OpenOn(Response, id, Request.IsHttps);
        await signIn.SignOutAsync();
        return Redirect("/workshop/tablet");
    }

    [HttpPost("tablets/{id:guid}/close")]
    public async Task<IActionResult> CloseTablet(Guid id, [FromServices] Kiosks kiosks, CancellationToken cancellationToken)
    {
        var closed = await kiosks.CloseAsync(id, cancellationToken);
        TempData[closed ? "Success" : "Error"] = texts[closed ? "Kiosk.Closed" : "Kiosk.AlreadyClosed"].Value;
        return RedirectToAction(nameof(Tablets));
    }

    [HttpGet("jobs/{jobId:int}")]
    public async Task<IActionResult> Job(int jobId, [FromServices] JobHours hours, CancellationToken cancellationToken) =>
        await hours.HandleAsync(jobId, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("lines/{id:long}")]
    public async Task<IActionResult> Line(long id, [FromServices] CorrectClockLine correct, CancellationToken cancellationToken) =>
        await correct.LoadAsync(id, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("lines/{id:long}")]
    public async Task<IActionResult> Line(long id, [FromForm(Name = "Form")] CorrectionForm form, [FromServices] CorrectClockLine correct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // A value that did not bind (not a date) is already in ModelState, beside its field.
        var result = ModelState.IsValid ? await correct.HandleAsync(id, form, cancellationToken) : new CommandResult(CommandOutcome.Invalid);
        switch (result.Outcome)
        {
            case CommandOutcome.Saved:
                TempData["Success"] = texts["Clock.Corrected"].Value;
                return RedirectToAction(nameof(Job), new { jobId = result.Id });
            case CommandOutcome.NotFound:
                return NotFound();
            default:
                result.Validation?.AddTo(ModelState, "Form");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await correct.LoadAsync(id, form, cancellationToken) is { } model ? View(model) : NotFound();
        }
    }

    [HttpPost("lines/{id:long}/review")]
    public async Task<IActionResult> Review(long id, [FromForm] string? returnUrl, [FromServices] CorrectClockLine correct, CancellationToken cancellationToken)
    {
        if (!await correct.ReviewAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = texts["Clock.Reviewed"].Value;
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveTechnicianAsync(TechnicianForm form, Technicians technicians, CancellationToken cancellationToken)
    {
        var saved = await technicians.SaveAsync(form, cancellationToken);
        switch (saved.Result.Outcome)
        {
            case CommandOutcome.Saved:
                if (saved.Code is not null)
                {
                    TempData[NewCodeKey] = saved.Code;
                }

                TempData["Success"] = texts["Technician.Saved", form.Name ?? string.Empty].Value;
                return RedirectToAction(nameof(Technician), new { id = saved.Result.Id });
            case CommandOutcome.NotFound:
                return NotFound();
            default:
                saved.Result.Validation?.AddTo(ModelState, "Form");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Technician", await technicians.ModelAsync(form, true, cancellationToken));
        }
    }
}
