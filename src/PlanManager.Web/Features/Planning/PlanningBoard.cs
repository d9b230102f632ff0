using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.Planning;

/// <summary>What the board was asked for; from the query string so a week can be bookmarked.</summary>
public sealed class PlanningQuery
{
    public int? Repairer { get; set; }

    /// <summary>Any day of the week to show (the board starts it on Monday); this week when empty.</summary>
    public DateOnly? Week { get; set; }

    /// <summary>A job whose bar gets the focus back after a keyboard move.</summary>
    public int? Focus { get; set; }
}

public sealed record BoardAppointment(DateOnly Day, DateTimeOffset Start, AppointmentKind Kind, AppointmentStatus Status, string CustomerName, string Registration);

public sealed record UnplannedJob(int Id, int Number, string Registration, string? Make, string? Model, JobStatus Status, DateTimeOffset CreatedAt,
    Guid ConcurrencyStamp, DepartmentHours Hours);

public sealed record PlanningBoardModel(
    IReadOnlyList<RepairerOption> Repairers,
    int RepairerId,
    DateOnly WeekStart,
    DateOnly Today,
    IReadOnlyList<DayLoad> Days,
    IReadOnlyList<PlannedJob> Jobs,
    IReadOnlyList<BoardAppointment> Appointments,
    IReadOnlyList<UnplannedJob> Unplanned,
    bool MoreUnplanned,
    int? Focus)
{
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    public string RepairerName => Repairers.FirstOrDefault(r => r.Id == RepairerId)?.Name ?? string.Empty;

    /// <summary>The 1-based column of a day in the week (1 = Monday), clipped to the week.</summary>
    public int Column(DateOnly day) => Math.Clamp(day.DayNumber - WeekStart.DayNumber, 0, 6) + 1;
}

/// <summary>
/// The week view of the planning board (W1): one row per planned job of a repairer, days as columns,
/// load against capacity per day and department, the week's appointments and the unplanned jobs.
/// </summary>
public sealed class PlanningBoard(PlanManagerDbContext db, PlannedJobs plannedJobs, DisplayTime displayTime, RepairerOptions repairerOptions)
{
    /// <summary>The unplanned list shows the oldest first, this many at most.</summary>
    public const int UnplannedLimit = 30;

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task<PlanningBoardModel> BuildAsync(PlanningQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var repairers = await RepairersAsync(cancellationToken);
        var id = Chosen(repairers, query.Repairer);
        var today = displayTime.Today();
        var from = Monday(query.Week ?? today);
        var to = from.AddDays(6);

        var calendar = await CalendarAsync(id, cancellationToken);
        var jobs = await plannedJobs.LoadAsync(id, from, to, cancellationToken);
        var days = calendar.Load(from, to, jobs.Select(j => (j.Start, j.End, j.Hours)));
        var (unplanned, more) = await UnplannedAsync(id, cancellationToken);
        var appointments = await AppointmentsAsync(id, from, to, cancellationToken);
        return new PlanningBoardModel(repairers, id, from, today, days, jobs, appointments, unplanned, more, query.Focus);
    }

    public async Task<IReadOnlyList<RepairerOption>> RepairersAsync(CancellationToken cancellationToken) =>
        await repairerOptions.GetAsync(db, cancellationToken);

    public static int Chosen(IReadOnlyList<RepairerOption> repairers, int? wanted) =>
        wanted is { } chosen && repairers.Any(r => r.Id == chosen) ? chosen : (repairers.Count > 0 ? repairers[0].Id : 0);

    public async Task<PlanningCalendar> CalendarAsync(int repairerId, CancellationToken cancellationToken)
    {
        var schedule = await db.AppointmentSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.RepairerId == repairerId, cancellationToken);
        var capacities = await db.DepartmentCapacities.AsNoTracking().Where(c => c.RepairerId == repairerId).ToListAsync(cancellationToken);
        return PlanningCalendar.For(schedule, capacities);
    }

    private async Task<(IReadOnlyList<UnplannedJob> Jobs, bool More)> UnplannedAsync(int repairerId, CancellationToken cancellationToken)
    {
        // On the (RepairerId, Status, CreatedAt) index: approved work waiting for a date, oldest first.
        var rows = await db.Jobs.AsNoTracking()
            .Where(j => j.RepairerId == repairerId && (j.Status == JobStatus.Approved || j.Status == JobStatus.InRepair) && j.StartDate == null)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Number)
            .Take(UnplannedLimit + 1)
            .Select(j => new
            {
                j.Id, j.Number, j.Registration, j.Make, j.Model, j.Status, j.CreatedAt, j.ConcurrencyStamp,
                Typed = db.PlannedHours.Where(p => p.JobId == j.Id).Select(p => new { p.Department, p.Hours }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var listed = rows.Take(UnplannedLimit).ToList();
        var estimates = await plannedJobs.EstimateHoursAsync(listed.Select(r => r.Id).ToList(), cancellationToken);
        var jobs = listed.Select(r => new UnplannedJob(r.Id, r.Number, r.Registration, r.Make, r.Model, r.Status, r.CreatedAt, r.ConcurrencyStamp,
            PlannedHoursRules.Combine(estimates.TryGetValue(r.Id, out var e) ? e : null, r.Typed.Select(t => (t.Department, t.Hours))))).ToList();
        return (jobs, rows.Count > UnplannedLimit);
    }

    private async Task<IReadOnlyList<BoardAppointment>> AppointmentsAsync(int repairerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = displayTime.At(from, TimeOnly.MinValue);
        var end = displayTime.At(to.AddDays(1), TimeOnly.MinValue);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.RepairerId == repairerId && a.Start >= start && a.Start < end && a.Status != AppointmentStatus.Cancelled)
            .OrderBy(a => a.Start).ThenBy(a => a.Id)
            .Select(a => new { a.Start, a.Kind, a.Status, a.CustomerName, a.Job!.Registration })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new BoardAppointment(displayTime.DayOf(a.Start), a.Start, a.Kind, a.Status, a.CustomerName, a.Registration)).ToList();
    }
}
