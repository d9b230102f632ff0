using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Photos;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.RateLimiting;
using PlanManager.Web.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace PlanManager.Web.Features.Portal;

public sealed record PortalAppointmentModel(AppointmentKind Kind, AppointmentForm Form, IReadOnlyList<SlotOption> Slots);

public sealed record PortalPhotosModel(JobKeyForm Form, string? Ticket);

/// <summary>
/// The public Self Service Portal (P1 to P5), per repairer. Anonymous, its own layout, and only
/// these pages: it links to no staff page and shows of a job only what P3 allows.
/// </summary>
[AllowAnonymous]
[Route("portal")]
[TypeFilter(typeof(PortalEnabledFilter))]
[ServiceFilter(typeof(PortalPostLimitFilter))]
public sealed class PortalController(PortalPages pages, AppointmentSlots slots, DisplayTime displayTime, IStringLocalizer<SharedResource> texts) : Controller
{
    public const string RepairerKey = "PortalRepairer";
    private const string PhotosField = Features.Photos.UploadPhotos.Field;
    private const string PhotoTicketKey = "PortalPhotoTicket";
    private const string PhotoPlateKey = "PortalPhotoPlate";
    private const string PhotoNumberKey = "PortalPhotoNumber";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await pages.RepairersAsync(cancellationToken));

    [HttpGet("{repairerId:int}")]
    public async Task<IActionResult> Home(int repairerId, CancellationToken cancellationToken) =>
        await RepairerAsync(repairerId, cancellationToken) ? View() : NotFound();

    [HttpGet("{repairerId:int}/estimate")]
    public Task<IActionResult> Estimate(int repairerId, CancellationToken cancellationToken) =>
        AppointmentPageAsync(repairerId, AppointmentKind.Estimate, new AppointmentForm(), cancellationToken);

    [HttpGet("{repairerId:int}/repair")]
    public Task<IActionResult> Repair(int repairerId, CancellationToken cancellationToken) =>
        AppointmentPageAsync(repairerId, AppointmentKind.Repair, new AppointmentForm(), cancellationToken);

    [HttpPost("{repairerId:int}/estimate")]
    [RequestSizeLimit(PortalPhotoLimits.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PortalPhotoLimits.MaxRequestBytes)]
    public Task<IActionResult> Estimate(int repairerId, [FromForm(Name = "Form")] AppointmentForm form, [FromForm(Name = PhotosField)] List<IFormFile>? files, [FromServices] BookAppointment book, CancellationToken cancellationToken) =>
        BookAsync(repairerId, AppointmentKind.Estimate, form, files ?? [], book, cancellationToken);

    [HttpPost("{repairerId:int}/repair")]
    public Task<IActionResult> Repair(int repairerId, [FromForm(Name = "Form")] AppointmentForm form, [FromServices] BookAppointment book, CancellationToken cancellationToken) =>
        BookAsync(repairerId, AppointmentKind.Repair, form, [], book, cancellationToken);

    [HttpGet("{repairerId:int}/booked")]
    public async Task<IActionResult> Booked(int repairerId, CancellationToken cancellationToken) =>
        await RepairerAsync(repairerId, cancellationToken) ? View() : NotFound();

    [HttpGet("{repairerId:int}/status")]
    public async Task<IActionResult> Status(int repairerId, CancellationToken cancellationToken) =>
        await RepairerAsync(repairerId, cancellationToken) ? View(new JobKeyForm()) : NotFound();

    [HttpPost("{repairerId:int}/status")]
    public async Task<IActionResult> Status(int repairerId, [FromForm(Name = "Form")] JobKeyForm form, [FromServices] PortalLookup lookup, CancellationToken cancellationToken)
    {
        if (!await RepairerAsync(repairerId, cancellationToken))
        {
            return NotFound();
        }

        var found = await FindAsync(repairerId, form, lookup, cancellationToken);
        if (found is not { } jobId)
        {
            return Response.StatusCode == StatusCodes.Status429TooManyRequests ? View("Limited") : View(form);
        }

        return View("StatusResult", await pages.StatusAsync(jobId, cancellationToken));
    }

    [HttpGet("{repairerId:int}/photos")]
    public async Task<IActionResult> Photos(int repairerId, [FromServices] PortalTicket tickets, CancellationToken cancellationToken)
    {
        if (!await RepairerAsync(repairerId, cancellationToken))
        {
            return NotFound();
        }

        // Step 2 comes from the lookup's redirect (kept for a refresh); Back after the upload finds it gone and shows step 1.
        return TempData.Peek(PhotoTicketKey) is string ticket && tickets.JobOf(repairerId, ticket) is not null
            ? View(new PortalPhotosModel(new JobKeyForm { Registration = TempData.Peek(PhotoPlateKey) as string, JobNumber = TempData.Peek(PhotoNumberKey) as string }, ticket))
            : View(new PortalPhotosModel(new JobKeyForm(), null));
    }

    [HttpPost("{repairerId:int}/photos")]
    public async Task<IActionResult> Photos(int repairerId, [FromForm(Name = "Form")] JobKeyForm form, [FromServices] PortalLookup lookup, [FromServices] PortalTicket tickets, CancellationToken cancellationToken)
    {
        if (!await RepairerAsync(repairerId, cancellationToken))
        {
            return NotFound();
        }

        var found = await FindAsync(repairerId, form, lookup, cancellationToken);
        if (found is not { } jobId)
        {
            return Response.StatusCode == StatusCodes.Status429TooManyRequests ? View("Limited") : View(new PortalPhotosModel(form, null));
        }

        // Redirect after the lookup, so Back from the thank-you page never asks to send the form again.
        TempData[PhotoTicketKey] = tickets.Issue(repairerId, jobId);
        TempData[PhotoPlateKey] = form.Registration;
        TempData[PhotoNumberKey] = form.JobNumber;
        return RedirectToAction(nameof(Photos), new { repairerId });
    }

    [HttpPost("{repairerId:int}/photos/upload")]
    [RequestSizeLimit(PortalPhotoLimits.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PortalPhotoLimits.MaxRequestBytes)]
    public async Task<IActionResult> UploadPhotos(int repairerId, [FromForm(Name = "Form")] JobKeyForm form, string? ticket, [FromForm(Name = PhotosField)] List<IFormFile>? files, [FromServices] PortalTicket tickets, [FromServices] AddPortalPhotos add, [FromServices] ClientRateLimiter limiter, [FromServices] IOptions<PortalOptions> options, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await RepairerAsync(repairerId, cancellationToken))
        {
            return NotFound();
        }

        // A ticket is good for a few uploads in its half hour, counted in the database (every node).
        if (tickets.JobOf(repairerId, ticket) is not { } jobId
            || !await limiter.TryUseAsync("portal-ticket", ticket!, options.Value.UploadsPerTicket, clock.GetUtcNow().AddMinutes(PortalTicket.Minutes), cancellationToken))
        {
            // The ticket ran out (or was never issued): start again at plate + job number.
            ModelState.AddModelError(string.Empty, texts["Portal.TicketExpired"]);
            ForgetPhotoTicket();
            return View("Photos", new PortalPhotosModel(form, null));
        }

        var result = await add.HandleAsync(jobId, files ?? [], cancellationToken);
        if (result.Outcome != CommandOutcome.Saved)
        {
            result.Validation?.AddTo(ModelState, string.Empty);
            return View("Photos", new PortalPhotosModel(form, ticket));
        }

        ForgetPhotoTicket();
        TempData["PortalDone"] = texts["Portal.PhotosAdded", (files ?? []).Count].Value;
        return RedirectToAction(nameof(Booked), new { repairerId });
    }

    /// <summary>A mistyped portal address: the portal's "not found", not the staff sign-in.</summary>
    [HttpGet("{**rest}")]
    public IActionResult Unknown(string? rest) => NotFound();

    private async Task<IActionResult> BookAsync(int repairerId, AppointmentKind kind, AppointmentForm form, IReadOnlyList<IFormFile> files, BookAppointment book, CancellationToken cancellationToken)
    {
        if (!await RepairerAsync(repairerId, cancellationToken))
        {
            return NotFound();
        }

        var result = await book.HandleAsync(repairerId, kind, form, files, Client(), cancellationToken);
        switch (result.Outcome)
        {
            case PortalOutcome.Saved:
                TempData["PortalDone"] = BookedText(kind, result);
                return RedirectToAction(nameof(Booked), new { repairerId });
            case PortalOutcome.RateLimited:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return View("Limited");
            case PortalOutcome.NoMatch:
                ModelState.AddModelError(string.Empty, texts["Portal.NoMatch"]);
                break;
            default:
                result.Validation?.AddTo(ModelState, "Form");
                break;
        }

        return await AppointmentPageAsync(repairerId, kind, form, cancellationToken);
    }

    /// <summary>The thank-you words: the day and time booked, and the job number once there is a job.</summary>
    private string BookedText(AppointmentKind kind, PortalResult result)
    {
        var local = displayTime.Local(result.Start ?? default);
        var day = local.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);
        var time = local.ToString("HH:mm", CultureInfo.CurrentCulture);
        return result.JobNumber is { } number
            ? texts["Portal.BookedForJob", day, time, number].Value
            : texts[kind == AppointmentKind.Estimate ? "Portal.RequestedEstimate" : "Portal.RequestedRepair", day, time].Value;
    }

    private async Task<IActionResult> AppointmentPageAsync(int repairerId, AppointmentKind kind, AppointmentForm form, CancellationToken cancellationToken)
    {
        if (!await RepairerAsync(repairerId, cancellationToken))
        {
            return NotFound();
        }

        var free = await slots.FreeAsync(repairerId, cancellationToken);
        return View("Appointment", new PortalAppointmentModel(kind, form, free));
    }

    /// <summary>Plate + job number to a job id; on no match the form shows one message whatever was wrong.</summary>
    private async Task<int?> FindAsync(int repairerId, JobKeyForm form, PortalLookup lookup, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Registration) || string.IsNullOrWhiteSpace(form.JobNumber))
        {
            if (string.IsNullOrWhiteSpace(form.Registration))
            {
                ModelState.AddModelError("Form.Registration", texts["Validation.Required", texts["Portal.Registration"]]);
            }

            if (string.IsNullOrWhiteSpace(form.JobNumber))
            {
                ModelState.AddModelError("Form.JobNumber", texts["Validation.Required", texts["Portal.JobNumber"]]);
            }

            return null;
        }

        var found = await lookup.FindAsync(repairerId, form.Registration, form.JobNumber, Client(), cancellationToken);
        switch (found.Outcome)
        {
            case LookupOutcome.Found:
                return found.JobId;
            case LookupOutcome.RateLimited:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return null;
            default:
                ModelState.AddModelError(string.Empty, texts["Portal.NoMatch"]);
                return null;
        }
    }

    private void ForgetPhotoTicket()
    {
        TempData.Remove(PhotoTicketKey);
        TempData.Remove(PhotoPlateKey);
        TempData.Remove(PhotoNumberKey);
    }

    private string Client() => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private async Task<bool> RepairerAsync(int repairerId, CancellationToken cancellationToken)
    {
        var repairer = await pages.RepairerAsync(repairerId, cancellationToken);
        ViewData[RepairerKey] = repairer;
        return repairer is not null;
    }
}
