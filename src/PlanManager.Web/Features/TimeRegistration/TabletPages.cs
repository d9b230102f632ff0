using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.Workshop;

namespace PlanManager.Web.Features.TimeRegistration;

public sealed record TabletCar(int JobId, int Number, string Registration, string? Make, string? Model);

public sealed record OpenClock(int JobId, string Registration, string? Make, string? Model, WorkTask Task, DateTimeOffset StartedAt);

/// <summary>The last line the technician paused, offered as "resume".</summary>
public sealed record PausedClock(int JobId, string Registration, WorkTask Task);

/// <param name="SecondsLeft">Until the tablet returns to the code pad.</param>
public sealed record TabletCarsModel(KioskContext Kiosk, IReadOnlyList<TabletCar> Cars, OpenClock? Open, PausedClock? Paused, string? Message, bool MessageIsError, int SecondsLeft);

public sealed record TabletPadModel(KioskContext Kiosk, string? Message, bool MessageIsError);

/// <summary>What the tablet shows: the cars marked "vehicle in" at its repairer (on the index of <see cref="VehiclesInside"/>), and the technician's clock.</summary>
public sealed class TabletPages(PlanManagerDbContext db, VehiclesInside inside, TimeProvider clock)
{
    /// <summary>A workshop holds far fewer cars; more would not fit a tablet anyway.</summary>
    public const int MaxCars = 200;

    public async Task<TabletCarsModel> CarsAsync(KioskContext kiosk, string? message, bool isError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kiosk);
        var cars = await inside.Inside(kiosk.RepairerId)
            .OrderBy(j => j.Registration).ThenBy(j => j.Number)
            .Take(MaxCars)
            .Select(j => new TabletCar(j.Id, j.Number, j.Registration, j.Make, j.Model))
            .ToListAsync(cancellationToken);
        var technician = kiosk.TechnicianId ?? 0;
        var open = await db.ClockLines.AsNoTracking().Where(l => l.TechnicianId == technician && l.EndedAt == null)
            .Select(l => new OpenClock(l.JobId, l.Job!.Registration, l.Job.Make, l.Job.Model, l.Task, l.StartedAt))
            .SingleOrDefaultAsync(cancellationToken);
        PausedClock? paused = null;
        if (open is null)
        {
            paused = await db.ClockLines.AsNoTracking().Where(l => l.TechnicianId == technician && l.EndedAt != null)
                .OrderByDescending(l => l.EndedAt)
                .Select(l => new { l.JobId, l.Job!.Registration, l.Job.VehicleIn, l.Task, l.EndReason })
                .Take(1)
                .Where(l => l.EndReason == ClockEnd.Paused && l.VehicleIn)
                .Select(l => new PausedClock(l.JobId, l.Registration, l.Task))
                .SingleOrDefaultAsync(cancellationToken);
        }

        var left = kiosk.TechnicianUntil is { } until ? (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds) : 0;
        return new TabletCarsModel(kiosk, cars, open, paused, message, isError, Math.Max(1, left));
    }
}
