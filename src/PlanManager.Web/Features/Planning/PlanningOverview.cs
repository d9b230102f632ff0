using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Planning;

public sealed record PlanningMonthModel(IReadOnlyList<RepairerOption> Repairers, int RepairerId, DateOnly Month, DateOnly Today, IReadOnlyList<DayLoad> Days)
{
    public string RepairerName => Repairers.FirstOrDefault(r => r.Id == RepairerId)?.Name ?? string.Empty;
}

public sealed record DaySheetRow(PlannedJob Job, decimal HoursToday);

public sealed record DaySheetModel(IReadOnlyList<RepairerOption> Repairers, int RepairerId, DateOnly Date, Department Department, DayLoad Load,
    IReadOnlyList<DaySheetRow> Rows)
{
    public string RepairerName => Repairers.FirstOrDefault(r => r.Id == RepairerId)?.Name ?? string.Empty;
}

/// <summary>The month overview (load per day) and the printable day sheet of one department (W1).</summary>
public sealed class PlanningOverview(PlanningBoard board, PlannedJobs plannedJobs, DisplayTime displayTime)
{
    public async Task<PlanningMonthModel> MonthAsync(int? repairerId, DateOnly? month, CancellationToken cancellationToken)
    {
        var repairers = await board.RepairersAsync(cancellationToken);
        var id = PlanningBoard.Chosen(repairers, repairerId);
        var today = displayTime.Today();
        var first = month ?? today;
        first = new DateOnly(first.Year, first.Month, 1);
        var from = PlanningBoard.Monday(first);
        var to = PlanningBoard.Monday(first.AddMonths(1).AddDays(-1)).AddDays(6);
        var calendar = await board.CalendarAsync(id, cancellationToken);
        var jobs = await plannedJobs.LoadAsync(id, from, to, cancellationToken);
        return new PlanningMonthModel(repairers, id, first, today, calendar.Load(from, to, jobs.Select(j => (j.Start, j.End, j.Hours))));
    }

    public async Task<DaySheetModel> DaySheetAsync(int? repairerId, DateOnly? date, Department department, CancellationToken cancellationToken)
    {
        var repairers = await board.RepairersAsync(cancellationToken);
        var id = PlanningBoard.Chosen(repairers, repairerId);
        var day = date ?? displayTime.Today();
        var calendar = await board.CalendarAsync(id, cancellationToken);
        var jobs = await plannedJobs.LoadAsync(id, day, day, cancellationToken);
        var rows = jobs
            .Select(j => new DaySheetRow(j, calendar.Spread(j.Hours, j.Start, j.End).TryGetValue(day, out var share) ? share[department] : 0m))
            .Where(r => r.HoursToday > 0)
            .OrderBy(r => r.Job.Registration, StringComparer.Ordinal)
            .ToList();
        var load = calendar.Load(day, day, jobs.Select(j => (j.Start, j.End, j.Hours)))[0];
        return new DaySheetModel(repairers, id, day, department, load, rows);
    }
}

/// <summary>The title, repairer choice and view links every planning page starts with.</summary>
public sealed record PlanningNav(string Title, string Action, string Current, IReadOnlyList<RepairerOption> Repairers, int RepairerId, DateOnly Day,
    IReadOnlyList<(string Name, string Value)> Keep);
