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
    public static PortalResult Invalid(ValidationResult validation) => new(PortalOutcome.Invalid, Validation: validation);
    public static PortalResult Invalid(string field, string message) => Invalid(new ValidationResult([new ValidationFailure(field, message)]));
    public static readonly PortalResult NoMatch = new(PortalOutcome.NoMatch);
    public static readonly PortalResult RateLimited = new(PortalOutcome.RateLimited);
}

/// <summary>
/// A customer books a slot on the portal: for an estimate (P1, a new job in status New with the
/// damage and photos) or a repair (P2, for their job or as a new customer). The job, its owner, the
/// job number and the appointment are saved in one transaction; a full slot saves nothing.
/// </summary>
public sealed class BookAppointment(
    PlanManagerDbContext db,
    IValidator<AppointmentForm> validator,
    AppointmentSlots slots,
    PortalLookup lookup,
    AddPortalPhotos photos,
    UploadPhotos upload,
    OpenJob openJob,
    PlatformParties parties,
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
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await slots.TakePlaceAsync(repairerId, start, ct) is not { } place)
            {
                return PortalResult.Invalid(nameof(AppointmentForm.Slot), texts["Portal.Validation.SlotFull"]);
            }

            var job = existingJobId is { } id
                ? await db.Jobs.Include(j => j.Owner).SingleAsync(j => j.Id == id, ct)
                : await NewJobAsync(repairerId, form, ct);
            var appointment = new Appointment
            {
                RepairerId = repairerId,
                Job = job,
                Kind = kind,
                Start = start,
                Place = place,
                CustomerName = Text.Clean(form.Name) ?? job.Owner?.Name ?? job.Registration,
                Email = Text.Clean(form.Email) ?? job.Owner?.Email,
                Phone = Text.Clean(form.Phone) ?? job.Owner?.Phone,
                Message = Text.Clean(form.Message),
                Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            };
            db.Appointments.Add(appointment);
            await messages.QueueAsync(db, MessageKind.BookingReceived, appointment, ct);
            log.Add(job, JobLogMessages.PortalAppointment, $"{kind}|{start.UtcTicks.ToString(CultureInfo.InvariantCulture)}", LogPlatform.Portal);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new PortalResult(PortalOutcome.Saved, appointment.Id, JobNumber: job.Number) { };
        }, cancellationToken);

        if (result.Outcome == PortalOutcome.Saved && files.Count > 0)
        {
            var jobId = await db.Appointments.Where(a => a.Id == result.Id).Select(a => a.JobId).SingleAsync(cancellationToken);
            await photos.HandleAsync(jobId, files, cancellationToken);
        }

        return result;
    }

    /// <summary>An estimate booking (P1) or a new customer's repair (P2): a new job in status New, its owner by the one party rule.</summary>
    private async Task<Job> NewJobAsync(int repairerId, AppointmentForm form, CancellationToken cancellationToken)
    {
        var details = new JobDetails(repairerId, Text.Clean(form.Registration)?.ToUpperInvariant() ?? string.Empty)
        {
            CommentsDamage = Text.Clean(form.Message),
            Status = JobStatus.New,
        };
        var job = await openJob.HandleAsync(JobSource.Portal, details, cancellationToken);
        if (await parties.OwnerAsync(form.Name, form.Phone, form.Email, cancellationToken) is { } owner)
        {
            job.LinkNewParty(owner);
        }

        return job;
    }
}

/// <summary>Photos a customer adds on the portal (P1, P4): the J4 upload with source Portal, and a notice on the job for staff.</summary>
public sealed class AddPortalPhotos(UploadPhotos upload)
{
    /// <summary>The upload notes the photos on the job (<see cref="Job.NotePortalPhotos"/>) in the same save.</summary>
    public Task<CommandResult> HandleAsync(int jobId, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken) =>
        upload.HandleAsync(jobId, files, PhotoSource.Portal, cancellationToken);
}
