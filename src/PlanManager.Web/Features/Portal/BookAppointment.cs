using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Photos;
using PlanManager.Web.Features.ThirdParties;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Portal;

public enum PortalOutcome
{
    Saved,
    Invalid,
    NoMatch,
    RateLimited,
}

public sealed record PortalResult(PortalOutcome Outcome, int? Id = null, ValidationResult? Validation = null, int? JobNumber = null)
{
    /// <summary>The booked slot (UTC), for the thank-you page.</summary>
    public DateTimeOffset? Start { get; init; }

    public static PortalResult Invalid(ValidationResult validation) => new(PortalOutcome.Invalid, Validation: validation);
    public static PortalResult Invalid(string field, string message) => Invalid(new ValidationResult([new ValidationFailure(field, message)]));
    public static readonly PortalResult NoMatch = new(PortalOutcome.NoMatch);
    public static readonly PortalResult RateLimited = new(PortalOutcome.RateLimited);
}

/// <summary>
/// A customer books a slot on the portal: for an estimate (P1, with the damage and photos) or a
/// repair (P2, for their job or as a new customer). A new customer's booking is a request that
/// staff confirm (<see cref="Appointments.ChangeAppointment"/> then opens the job); a booking for
/// a job the customer has is for that job. A full slot saves nothing.
/// </summary>
public sealed class BookAppointment(
    PlanManagerDbContext db,
    IValidator<AppointmentForm> validator,
    AppointmentSlots slots,
    PortalLookup lookup,
    AddPortalPhotos photos,
    UploadPhotos upload,
    JobLogWriter log,
    DisplayTime displayTime,
    Messages.CustomerMessages messages,
    IStringLocalizer<SharedResource> texts)
{
    public async Task<PortalResult> HandleAsync(int repairerId, AppointmentKind kind, AppointmentForm form, IReadOnlyList<IFormFile> files, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(files);
        if (kind == AppointmentKind.Estimate)
        {
            form.ExistingJob = false;
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (files.Count > 0)
        {
            validation.Errors.AddRange((await upload.ValidateAsync(files, cancellationToken)).Errors);
        }

        var start = form.Slot is { } key ? SlotOption.FromKey(key) : default;
        var schedule = await slots.ScheduleAsync(repairerId, cancellationToken);
        if (form.Slot is not null && !schedule.Offers(start, displayTime.Today(), displayTime.Zone))
        {
            validation.Errors.Add(new ValidationFailure(nameof(AppointmentForm.Slot), texts["Portal.Validation.SlotFull"]));
        }

        if (!validation.IsValid)
        {
            return PortalResult.Invalid(validation);
        }

        int? existingJobId = null;
        if (form.ExistingJob)
        {
            var found = await lookup.FindAsync(repairerId, form.Registration, form.JobNumber, client, cancellationToken);
            switch (found.Outcome)
            {
                case LookupOutcome.RateLimited:
                    return PortalResult.RateLimited;
                case LookupOutcome.NoMatch:
                    return PortalResult.NoMatch;
            }

            existingJobId = found.JobId;
        }

        await slots.EnsureScheduleAsync(repairerId, cancellationToken);

        // A new customer's photos are stored first (files before rows, as every upload) and held on the request.
        var written = new List<string>();
        var held = existingJobId is null && files.Count > 0 ? await upload.HoldAsync(files, written, cancellationToken) : [];
        PortalResult result;
        try
        {
            result = await SaveAsync(repairerId, kind, form, start, existingJobId, held, cancellationToken);
        }
        catch
        {
            await upload.DiscardAsync(written);
            throw;
        }

        if (result.Outcome != PortalOutcome.Saved)
        {
            await upload.DiscardAsync(written);
        }
        else if (existingJobId is { } jobId && files.Count > 0)
        {
            await photos.HandleAsync(jobId, files, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The appointment and its place in one transaction. For a job the customer has, the
    /// appointment is for that job; a new customer's booking is a request without a job
    /// (decision 0011): no job, owner or number exists until staff confirm it.
    /// </summary>
    private Task<PortalResult> SaveAsync(int repairerId, AppointmentKind kind, AppointmentForm form, DateTimeOffset start, int? existingJobId, List<HeldPhoto> held, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await slots.TakePlaceAsync(repairerId, start, ct) is not { } place)
            {
                return PortalResult.Invalid(nameof(AppointmentForm.Slot), texts["Portal.Validation.SlotFull"]);
            }

            var job = existingJobId is { } id ? await db.Jobs.Include(j => j.Owner).SingleAsync(j => j.Id == id, ct) : null;
            var appointment = new Appointment
            {
                RepairerId = repairerId,
                Job = job,
                Kind = kind,
                Start = start,
                Place = place,
                CustomerName = Text.Clean(form.Name) ?? job?.Owner?.Name ?? job?.Registration ?? string.Empty,
                Email = Text.Clean(form.Email) ?? job?.Owner?.Email,
                Phone = Text.Clean(form.Phone) ?? job?.Owner?.Phone,
                Message = Text.Clean(form.Message),
                Registration = job?.Registration ?? Text.Clean(form.Registration)?.ToUpperInvariant(),
                Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            };
            appointment.HeldPhotos.AddRange(held);
            db.Appointments.Add(appointment);
            await messages.QueueAsync(db, MessageKind.BookingReceived, appointment, ct);
            if (job is not null)
            {
                log.Add(job, JobLogMessages.PortalAppointment, $"{kind}|{start.UtcTicks.ToString(CultureInfo.InvariantCulture)}", LogPlatform.Portal);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new PortalResult(PortalOutcome.Saved, appointment.Id, JobNumber: job?.Number) { Start = start };
        }, cancellationToken);
    }
}

/// <summary>Photos a customer adds on the portal (P1, P4): the J4 upload with source Portal, and a notice on the job for staff.</summary>
public sealed class AddPortalPhotos(UploadPhotos upload)
{
    /// <summary>The upload notes the photos on the job (<see cref="Job.NotePortalPhotos"/>) in the same save.</summary>
    public Task<CommandResult> HandleAsync(int jobId, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken) =>
        upload.HandleAsync(jobId, files, PhotoSource.Portal, cancellationToken);
}
