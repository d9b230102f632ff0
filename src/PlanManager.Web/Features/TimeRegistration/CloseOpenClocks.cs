using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.TimeRegistration;

/// <summary>
/// The recurring job (W2) that closes clocks left open: each at its repairer's closing hour of the day it
/// started (<see cref="ClosingTime"/>), flagged for review. Safe to run twice: a closed line is not open.
/// </summary>
public sealed class CloseOpenClocks(PlanManagerDbContext db, DisplayTime time, TimeProvider clock, ILogger<CloseOpenClocks> logger)
{
    public const string JobId = "close-open-clocks";
    public const string Cron = "*/15 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.ClockLines.Include(l => l.Technician).Where(l => l.EndedAt == null).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        var repairerIds = open.Select(l => l.Technician!.RepairerId).Distinct().ToList();
        var schedules = await db.AppointmentSchedules.AsNoTracking().Where(s => repairerIds.Contains(s.RepairerId)).ToDictionaryAsync(s => s.RepairerId, cancellationToken);
        var closed = 0;
        foreach (var line in open)
        {
            var schedule = schedules.GetValueOrDefault(line.Technician!.RepairerId) ?? new AppointmentSchedule();
            var closing = ClosingTime.For(line.StartedAt, schedule, time.Zone);
            if (closing <= now)
            {
                line.CloseForReview(closing);
                closed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} clocks left open at closing time; flagged for review", closed);
        }

        return closed;
    }
}
