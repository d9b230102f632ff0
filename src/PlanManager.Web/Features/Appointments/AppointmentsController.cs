using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Appointments;

/// <summary>Staff side of the portal's bookings: day and week view, confirm, move, cancel, opening hours and capacity.</summary>
[Route("appointments")]
public sealed class AppointmentsController(IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? repairerId, DateOnly? date, string? view, [FromServices] AppointmentsPage page, CancellationToken cancellationToken)
    {
        ViewData["Section"] = "Jobs";
        return View(await page.BuildAsync(repairerId, date, view == "week", cancellationToken));
    }

    [HttpPost("{id:int}/confirm")]
    public async Task<IActionResult> Confirm(int id, bool request, string? returnUrl, [FromServices] ChangeAppointment change, CancellationToken cancellationToken)
    {
        var result = await change.ConfirmAsync(id, request, cancellationToken);
        if (request && result is { Outcome: CommandOutcome.Saved, Id: { } number })
        {
            TempData["Success"] = texts["Appointment.DoneRequestConfirmed", number].Value;
            return Back(returnUrl);
        }

        return Done(result, result.Id is null ? "Appointment.AlreadyDecided" : "Appointment.DoneConfirmed", returnUrl);
    }

    /// <summary>The original of a photo a new customer sent with a request, for staff to judge it before confirming.</summary>
    [HttpGet("{id:int}/photos/{photoId:int}")]
    public async Task<IActionResult> HeldPhoto(int id, int photoId, [FromServices] AppointmentsPage page, CancellationToken cancellationToken)
    {
        if (await page.HeldPhotoAsync(id, photoId, cancellationToken) is not { } photo)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(photo.Content, photo.ContentType);
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, bool request, string? returnUrl, [FromServices] ChangeAppointment change, CancellationToken cancellationToken)
    {
        var result = await change.CancelAsync(id, request, cancellationToken);
        return Done(result, result.Id is null ? "Appointment.AlreadyDecided" : request ? "Appointment.DoneRejected" : "Appointment.DoneCancelled", returnUrl);
    }

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, long? slot, string? returnUrl, [FromServices] ChangeAppointment change, CancellationToken cancellationToken) =>
        slot is { } key
            ? Done(await change.MoveAsync(id, key, cancellationToken), "Appointment.DoneMoved", returnUrl)
            : Done(CommandResult.Conflict, string.Empty, returnUrl);

    [HttpPost("schedule/{repairerId:int}")]
    public async Task<IActionResult> Schedule(int repairerId, ScheduleForm form, [FromServices] ChangeAppointment change, CancellationToken cancellationToken)
    {
        var result = await change.SaveScheduleAsync(repairerId, form, cancellationToken);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        TempData[result.Outcome == CommandOutcome.Saved ? "Success" : "Error"] =
            texts[result.Outcome == CommandOutcome.Saved ? "Portal.Schedule.Saved" : "Portal.Schedule.Invalid"].Value;
        return RedirectToAction(nameof(Index), new { repairerId });
    }

    private IActionResult Done(CommandResult result, string message, string? returnUrl)
    {
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        TempData[result.Outcome == CommandOutcome.Saved ? "Success" : "Error"] =
            result.Outcome == CommandOutcome.Saved ? texts[message].Value : texts["Appointment.SlotTaken"].Value;
        return Back(returnUrl);
    }

    private LocalRedirectResult Back(string? returnUrl) =>
        LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Action(nameof(Index))!);
}
