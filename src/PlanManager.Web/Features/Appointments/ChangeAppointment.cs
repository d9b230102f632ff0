using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Photos;
using PlanManager.Web.Features.Portal;
using PlanManager.Web.Features.ThirdParties;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Appointments;

public sealed class ScheduleForm
{
    public List<DayOfWeek> OpenDays { get; set; } = [];
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    public int SlotMinutes { get; set; }
    public int Capacity { get; set; }
    public int DaysAhead { get; set; }
}

/// <summary>Staff confirm, move or cancel an appointment, and set a repairer's opening hours and capacity.</summary>
public sealed class ChangeAppointment(
    PlanManagerDbContext db,
    AppointmentSlots slots,
    JobLogWriter log,
    DisplayTime displayTime,
    OpenJob openJob,
    PlatformParties parties,
    UploadPhotos upload,
    TimeProvider clock,
    Messages.CustomerMessages messages)
{
    /// <summary>
    /// Confirms an appointment. For a new customer's request (<paramref name="request"/>) the
    /// result's <see cref="CommandResult.Id"/> is the number of the job it opened, and null when
    /// the request was decided meanwhile (another tab).
    /// </summary>
    public async Task<CommandResult> ConfirmAsync(int id, bool request, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return CommandResult.NotFound;
        }

        if (appointment.IsRequest)
        {
            return await ConfirmRequestAsync(id, cancellationToken);
        }

        if (request)
        {
            return new CommandResult(CommandOutcome.Saved);
        }

        if (appointment.Status == AppointmentStatus.Requested)
        {
            appointment.Status = AppointmentStatus.Confirmed;
            Log(appointment, "Confirmed");
            await messages.QueueAsync(db, MessageKind.AppointmentConfirmed, appointment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Saved(id);
    }

    /// <summary>
    /// A new customer's request becomes a job (decision 0011): the job is opened through the one
    /// door with the customer's plate and damage, the owner found or added by the one party rule,
    /// the held photos become the job's (their thumbnails queued), all in one transaction. A
    /// second confirm (another tab) finds the request gone and changes nothing.
    /// </summary>
    private async Task<CommandResult> ConfirmRequestAsync(int id, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var (result, photos) = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The job counter's lock also serialises two staff confirming the same request.
            await JobNumberAllocator.LockAsync(db, ct);
            var appointment = await db.Appointments.Include(a => a.HeldPhotos).SingleAsync(a => a.Id == id, ct);
            if (!appointment.IsRequest)
            {
                // Confirmed meanwhile (another tab): nothing more to do, and nothing opened twice.
                return (new CommandResult(CommandOutcome.Saved), new List<JobPhoto>());
            }

            var details = new JobDetails(appointment.RepairerId, appointment.Registration ?? string.Empty)
            {
                CommentsDamage = appointment.Message,
                Status = JobStatus.New,
            };
            var job = await openJob.HandleAsync(JobSource.Portal, details, ct);
            if (await parties.OwnerAsync(appointment.CustomerName, appointment.Phone, appointment.Email, ct) is { } owner)
            {
                job.LinkNewParty(owner);
            }

            appointment.Job = job;
            appointment.Status = AppointmentStatus.Confirmed;
            var at = appointment.Start.UtcTicks.ToString(CultureInfo.InvariantCulture);
            log.Add(job, JobLogMessages.PortalAppointment, $"{appointment.Kind}|{at}", LogPlatform.Portal);
            log.Add(job, JobLogMessages.AppointmentChanged, $"Confirmed|{at}");
            await messages.QueueAsync(db, MessageKind.AppointmentConfirmed, appointment, ct);
            await db.SaveChangesAsync(ct);

            var photos = appointment.HeldPhotos.Select(held => new JobPhoto
            {
                JobId = job.Id,
                StoredName = held.StoredName,
                OriginalFileName = held.OriginalFileName,
                Format = held.Format,
                SizeBytes = held.SizeBytes,
                Source = PhotoSource.Portal,
                UploadedAt = held.UploadedAt,
                UploadedBy = JobLogWriter.System,
                ThumbnailPending = true,
            }).ToList();
            foreach (var photo in photos)
            {
                db.JobPhotos.Add(photo);
                log.Add(job, JobLogMessages.PhotoAdded, photo.OriginalFileName, LogPlatform.Portal);
            }

            if (photos.Count > 0)
            {
                job.NotePortalPhotos(clock.GetUtcNow());
            }

            db.HeldPhotos.RemoveRange(appointment.HeldPhotos);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (CommandResult.Saved(job.Number), photos);
        }, cancellationToken);

        upload.QueueThumbnails(photos);
        return result;
    }

    /// <summary>
    /// Cancels an appointment; for a new customer's request (a rejection, <paramref name="request"/>)
    /// its held photos are removed too, and a request confirmed meanwhile in another tab is left alone.
    /// </summary>
    public async Task<CommandResult> CancelAsync(int id, bool request, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.Include(a => a.HeldPhotos).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return CommandResult.NotFound;
        }

        if (request && !appointment.IsRequest)
        {
            return new CommandResult(CommandOutcome.Saved);
        }

        var files = appointment.HeldPhotos.Select(p => p.StoredName).ToList();
        if (appointment.HoldsPlace)
        {
            appointment.Cancel();
            Log(appointment, "Cancelled");
            db.HeldPhotos.RemoveRange(appointment.HeldPhotos);
            await messages.QueueAsync(db, MessageKind.AppointmentCancelled, appointment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await upload.DiscardAsync(files);
        }

        return CommandResult.Saved(id);
    }

    /// <summary>Moves to another slot with a free place, taken the same way as a booking; a full slot refuses.</summary>
    public async Task<CommandResult> MoveAsync(int id, long slotKey, CancellationToken cancellationToken)
    {
        var repairerId = await db.Appointments.Where(a => a.Id == id).Select(a => (int?)a.RepairerId).SingleOrDefaultAsync(cancellationToken);
        if (repairerId is null)
        {
            return CommandResult.NotFound;
        }

        var start = SlotOption.FromKey(slotKey);
        var schedule = await slots.ScheduleAsync(repairerId.Value, cancellationToken);
        if (!schedule.Offers(start, displayTime.Today(), displayTime.Zone))
        {
            return CommandResult.Conflict;
        }

        await slots.EnsureScheduleAsync(repairerId.Value, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await slots.TakePlaceAsync(repairerId.Value, start, ct) is not { } place)
            {
                return CommandResult.Conflict;
            }

            var appointment = await db.Appointments.SingleAsync(a => a.Id == id, ct);
            appointment.Start = start;
            appointment.Place = place;
            if (appointment.Status == AppointmentStatus.Cancelled)
            {
                appointment.Status = AppointmentStatus.Requested;
            }

            Log(appointment, "Moved");
            await messages.QueueAsync(db, MessageKind.AppointmentMoved, appointment, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return CommandResult.Saved(id);
        }, cancellationToken);
    }

    public async Task<CommandResult> SaveScheduleAsync(int repairerId, ScheduleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await db.Repairers.AnyAsync(r => r.Id == repairerId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        if (form.Closes <= form.Opens || form.SlotMinutes is < 10 or > 480 || form.Capacity is < 1 or > AppointmentLimits.MaxCapacity
            || form.DaysAhead is < 1 or > AppointmentLimits.MaxDaysAhead)
        {
            return CommandResult.Invalid(string.Empty, "Portal.Schedule.Invalid");
        }

        var schedule = await db.AppointmentSchedules.SingleOrDefaultAsync(s => s.RepairerId == repairerId, cancellationToken);
        if (schedule is null)
        {
            schedule = new AppointmentSchedule { RepairerId = repairerId };
            db.AppointmentSchedules.Add(schedule);
        }

        schedule.OpenDays = form.OpenDays.Distinct().Aggregate(0, (bits, day) => bits | (1 << (int)day));
        schedule.Opens = form.Opens;
        schedule.Closes = form.Closes;
        schedule.SlotMinutes = form.SlotMinutes;
        schedule.Capacity = form.Capacity;
        schedule.DaysAhead = form.DaysAhead;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(repairerId);
    }

    /// <summary>A line in the job's log; a request has no job yet, and no log.</summary>
    private void Log(Appointment appointment, string what)
    {
        if (appointment.JobId is { } jobId)
        {
            log.Add(db, jobId, JobLogMessages.AppointmentChanged, $"{what}|{appointment.Start.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
