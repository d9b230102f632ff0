using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Portal;
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
public sealed class ChangeAppointment(PlanManagerDbContext db, AppointmentSlots slots, JobLogWriter log, DisplayTime displayTime, Messages.CustomerMessages messages)
{
    public async Task<CommandResult> ConfirmAsync(int id, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return CommandResult.NotFound;
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

    public async Task<CommandResult> CancelAsync(int id, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return CommandResult.NotFound;
        }

        if (appointment.HoldsPlace)
        {
            appointment.Cancel();
            Log(appointment, "Cancelled");
            await messages.QueueAsync(db, MessageKind.AppointmentCancelled, appointment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
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

    private void Log(Appointment appointment, string what) =>
        log.Add(db, appointment.JobId, JobLogMessages.AppointmentChanged, $"{what}|{appointment.Start.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
}
