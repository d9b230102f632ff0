using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Portal;

public sealed record SlotOption(DateTimeOffset Start, int Free)
{
    /// <summary>How a slot travels in a form: Unix milliseconds of its UTC start.</summary>
    public long Key => Start.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromKey(long key) => DateTimeOffset.FromUnixTimeMilliseconds(key);
}

/// <summary>The slots a repairer offers and the places left in them; taking a place for a booking.</summary>
public sealed class AppointmentSlots(PlanManagerDbContext db, DisplayTime displayTime)
{
    public async Task<AppointmentSchedule> ScheduleAsync(int repairerId, CancellationToken cancellationToken) =>
        await db.AppointmentSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.RepairerId == repairerId, cancellationToken)
            ?? new AppointmentSchedule { RepairerId = repairerId };

    /// <summary>The slots that still have a place; a slot that filled up is no longer offered.</summary>
    public async Task<IReadOnlyList<SlotOption>> FreeAsync(int repairerId, CancellationToken cancellationToken)
    {
        var schedule = await ScheduleAsync(repairerId, cancellationToken);
        var slots = schedule.Slots(displayTime.Today(), displayTime.Zone).ToList();
        if (slots.Count == 0)
        {
            return [];
        }

        var from = slots[0];
        var to = slots[^1];
        var taken = await db.Appointments.AsNoTracking()
            .Where(a => a.RepairerId == repairerId && a.Start >= from && a.Start <= to && a.Place > 0)
            .Select(a => a.Start)
            .ToListAsync(cancellationToken);
        var counts = taken.GroupBy(s => s.UtcTicks).ToDictionary(g => g.Key, g => g.Count());
        return slots
            .Select(s => new SlotOption(s, schedule.Capacity - counts.GetValueOrDefault(s.UtcTicks)))
            .Where(s => s.Free > 0)
            .ToList();
    }

    /// <summary>The schedule row must exist: every booking raises its version first (see <see cref="TakePlaceAsync"/>).</summary>
    public async Task EnsureScheduleAsync(int repairerId, CancellationToken cancellationToken)
    {
        if (await db.AppointmentSchedules.AnyAsync(s => s.RepairerId == repairerId, cancellationToken))
        {
            return;
        }

        db.AppointmentSchedules.Add(new AppointmentSchedule { RepairerId = repairerId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created it at the same moment: that one is as good.
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// A free place of the slot, or null when it is full. Call inside the transaction that saves the
    /// appointment. The UPDATE comes first, as for job numbers: it takes the write lock, so bookings of
    /// one repairer take turns and each sees the places the one before it took. The unique index on
    /// (repairer, start, place) refuses a double booking should anything get past that.
    /// </summary>
    public async Task<int?> TakePlaceAsync(int repairerId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A place must be taken inside the transaction that saves the appointment.");
        }

        await db.AppointmentSchedules
            .Where(s => s.RepairerId == repairerId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        var capacity = await db.AppointmentSchedules.Where(s => s.RepairerId == repairerId).Select(s => s.Capacity).SingleAsync(cancellationToken);
        var used = await db.Appointments
            .Where(a => a.RepairerId == repairerId && a.Start == start && a.Place > 0)
            .Select(a => a.Place)
            .ToListAsync(cancellationToken);
        for (var place = 1; place <= capacity; place++)
        {
            if (!used.Contains(place))
            {
                return place;
            }
        }

        return null;
    }
}
