using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Features.TimeRegistration;

public enum ClockOutcome
{
    Started,
    Paused,
    Stopped,

    /// <summary>The car is not (or no longer) marked "vehicle in" at this repairer.</summary>
    NotInside,

    /// <summary>Nothing was open to pause or stop.</summary>
    NothingOpen,

    /// <summary>Another tablet opened a clock for the technician at the same moment.</summary>
    Conflict,
}

public sealed record ClockResult(ClockOutcome Outcome, string? Registration = null, WorkTask? Task = null, string? StoppedRegistration = null);

/// <summary>
/// Start, pause and stop on the tablet (W2). One open clock per technician: starting stops the open one
/// first, in the same save; the filtered unique index refuses a second open line from another tablet.
/// A car must be marked "vehicle in" at the kiosk's repairer.
/// </summary>
public sealed class Clocking(PlanManagerDbContext db, TimeProvider clock)
{
    public async Task<ClockResult> StartAsync(KioskContext kiosk, int jobId, WorkTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kiosk);
        var technician = await db.Technicians.SingleAsync(t => t.Id == kiosk.TechnicianId && t.RepairerId == kiosk.RepairerId, cancellationToken);
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId && j.RepairerId == kiosk.RepairerId)
            .Select(j => new { j.Id, j.Registration, j.VehicleIn }).SingleOrDefaultAsync(cancellationToken);
        if (job is null || !job.VehicleIn || !Enum.IsDefined(task))
        {
            return new ClockResult(ClockOutcome.NotInside, job?.Registration);
        }

        var now = clock.GetUtcNow();
        var open = await OpenLineAsync(technician.Id, cancellationToken);
        string? stopped = null;
        if (open is not null)
        {
            open.End(now, ClockEnd.Switched);
            stopped = open.Job?.Registration;
        }

        db.ClockLines.Add(new ClockLine
        {
            TechnicianId = technician.Id,
            JobId = job.Id,
            Task = task,
            Department = task.DepartmentOf(technician.Department),
            StartedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index of open lines: another tablet opened one for this technician first.
            db.ChangeTracker.Clear();
            return new ClockResult(ClockOutcome.Conflict, job.Registration);
        }

        return new ClockResult(ClockOutcome.Started, job.Registration, task, stopped);
    }

    public async Task<ClockResult> EndAsync(KioskContext kiosk, ClockEnd reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kiosk);
        var open = await OpenLineAsync(kiosk.TechnicianId ?? 0, cancellationToken);
        if (open is null)
        {
            return new ClockResult(ClockOutcome.NothingOpen);
        }

        open.End(clock.GetUtcNow(), reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClockResult(ClockOutcome.NothingOpen);
        }

        return new ClockResult(reason == ClockEnd.Paused ? ClockOutcome.Paused : ClockOutcome.Stopped, open.Job?.Registration, open.Task);
    }

    private Task<ClockLine?> OpenLineAsync(int technicianId, CancellationToken cancellationToken) =>
        db.ClockLines.Include(l => l.Job).SingleOrDefaultAsync(l => l.TechnicianId == technicianId && l.EndedAt == null, cancellationToken);
}
