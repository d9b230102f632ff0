using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Features.TimeRegistration;

/// <summary>
/// The workshop tablet (W2): a kiosk for one repairer, opened by staff. No staff sign-in here: every
/// page needs the kiosk cookie (<see cref="KioskRequiredAttribute"/>), the clock pages a technician's
/// code too, and the pages link to nothing else of the app.
/// </summary>
[AllowAnonymous]
[Route("workshop/tablet")]
public sealed class TabletController(KioskSession session, IStringLocalizer<SharedResource> texts) : Controller
{
    private const string MessageKey = "TabletMessage";
    private const string ErrorKey = "TabletError";

    private KioskContext Kiosk => (KioskContext)HttpContext.Items[KioskFilter.ItemKey]!;

    /// <summary>The code pad; opening it signs the previous technician out.</summary>
    [HttpGet("")]
    [KioskRequired]
    public IActionResult Index()
    {
        KioskSession.SignOutTechnician(Response);
        return View(new TabletPadModel(Kiosk, TempData[MessageKey] as string ?? TempData[ErrorKey] as string, TempData.ContainsKey(ErrorKey)));
    }

    [HttpPost("code")]
    [KioskRequired]
    public async Task<IActionResult> Code([FromForm] string? code, [FromServices] KioskCode codes, CancellationToken cancellationToken)
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await codes.HandleAsync(Kiosk, code, client, cancellationToken);
        switch (result.Outcome)
        {
            case CodeOutcome.SignedIn:
                session.SignInTechnician(Response, Kiosk.KioskId, result.TechnicianId!.Value, KioskSession.SignedIn, Request.IsHttps);
                return RedirectToAction(nameof(Cars));
            case CodeOutcome.Locked:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return View(nameof(Index), new TabletPadModel(Kiosk with { LockedUntil = result.LockedUntil }, texts["Tablet.Locked"].Value, true));
            case CodeOutcome.Limited:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return View(nameof(Index), new TabletPadModel(Kiosk, texts["Tablet.Limited"].Value, true));
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Index), new TabletPadModel(Kiosk, texts["Tablet.WrongCode"].Value, true));
        }
    }

    [HttpGet("cars")]
    [KioskRequired(requireTechnician: true)]
    public async Task<IActionResult> Cars([FromServices] TabletPages pages, CancellationToken cancellationToken) =>
        View(await pages.CarsAsync(Kiosk, TempData[MessageKey] as string ?? TempData[ErrorKey] as string, TempData.ContainsKey(ErrorKey), cancellationToken));

    [HttpPost("start")]
    [KioskRequired(requireTechnician: true)]
    public async Task<IActionResult> Start([FromForm] int jobId, [FromForm] WorkTask? task, [FromServices] Clocking clocking, CancellationToken cancellationToken)
    {
        if (task is not { } chosen || !Enum.IsDefined(chosen))
        {
            TempData[ErrorKey] = texts["Tablet.ChooseTask"].Value;
            return RedirectToAction(nameof(Cars));
        }

        var result = await clocking.StartAsync(Kiosk, jobId, chosen, cancellationToken);
        return AfterAction(result);
    }

    [HttpPost("pause")]
    [KioskRequired(requireTechnician: true)]
    public async Task<IActionResult> Pause([FromServices] Clocking clocking, CancellationToken cancellationToken) =>
        AfterAction(await clocking.EndAsync(Kiosk, ClockEnd.Paused, cancellationToken));

    [HttpPost("stop")]
    [KioskRequired(requireTechnician: true)]
    public async Task<IActionResult> Stop([FromServices] Clocking clocking, CancellationToken cancellationToken) =>
        AfterAction(await clocking.EndAsync(Kiosk, ClockEnd.Stopped, cancellationToken));

    /// <summary>"Done": the technician leaves the tablet, back to the code pad.</summary>
    [HttpPost("done")]
    [KioskRequired]
    public IActionResult Done()
    {
        KioskSession.SignOutTechnician(Response);
        return RedirectToAction(nameof(Index));
    }

    private RedirectToActionResult AfterAction(ClockResult result)
    {
        var task = result.Task is { } t ? texts[$"WorkTask.{t}"].Value : string.Empty;
        switch (result.Outcome)
        {
            case ClockOutcome.Started:
                TempData[MessageKey] = result.StoppedRegistration is { } stopped
                    ? texts["Tablet.StartedAfterStop", result.Registration!, task, stopped].Value
                    : texts["Tablet.Started", result.Registration!, task].Value;
                break;
            case ClockOutcome.Paused:
                TempData[MessageKey] = texts["Tablet.Paused", result.Registration ?? string.Empty, task].Value;
                break;
            case ClockOutcome.Stopped:
                TempData[MessageKey] = texts["Tablet.Stopped", result.Registration ?? string.Empty, task].Value;
                break;
            case ClockOutcome.NotInside:
                TempData[ErrorKey] = texts["Tablet.NotInside", result.Registration ?? string.Empty].Value;
                return RedirectToAction(nameof(Cars));
            case ClockOutcome.Conflict:
                TempData[ErrorKey] = texts["Tablet.Conflict"].Value;
                return RedirectToAction(nameof(Cars));
            default:
                TempData[ErrorKey] = texts["Tablet.NothingOpen"].Value;
                return RedirectToAction(nameof(Cars));
        }

        // The technician stays a few seconds to see what happened, then the tablet returns to the code pad.
        session.SignInTechnician(Response, Kiosk.KioskId, Kiosk.TechnicianId!.Value, KioskSession.AfterAction, Request.IsHttps);
        return RedirectToAction(nameof(Cars));
    }
}
