using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.TimeRegistration;

/// <summary>What a timesheet page was asked for, from the query string so it can be bookmarked.</summary>
public sealed class TimesheetQuery
{
    public int? Repairer { get; set; }
    public DateOnly? Date { get; set; }
}

public sealed record TechnicianDay(int TechnicianId, string Technician, Department Department, IReadOnlyList<ClockLineRow> Lines, decimal Hours);

public sealed record DayTimesheetModel(int? Repairer, string? RepairerName, DateOnly Date, IReadOnlyList<TechnicianDay> Technicians, IReadOnlyList<RepairerOption> Repairers,
    DateTimeOffset Now, int ToReview);

public sealed record TechnicianWeek(int TechnicianId, string Technician, IReadOnlyList<decimal> Days, decimal Total);

public sealed record WeekTimesheetModel(int? Repairer, string? RepairerName, DateOnly Monday, IReadOnlyList<TechnicianWeek> Technicians, IReadOnlyList<decimal> DayTotals,
    decimal Total, IReadOnlyList<RepairerOption> Repairers);

/// <summary>
/// The day timesheet per technician and the week total per repairer (W2). A line counts for the local
/// day (App:TimeZone) it started on; days are cut at local midnight, so a DST day has 23 or 25 hours.
/// </summary>
public sealed class Timesheets(PlanManagerDbContext db, DisplayTime time, TimeProvider clock, RepairerOptions repairerOptions)
{
    public async Task<DayTimesheetModel> DayAsync(TimesheetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var repairers = await RepairersAsync(cancellationToken);
        var repairer = ChosenRepairer(repairers, query.Repairer);
        var date = query.Date ?? time.Today();
        var (from, to) = (DayStart(date), DayStart(date.AddDays(1)));
        var lines = await db.ClockLines.AsNoTracking()
            .Where(l => l.Technician!.RepairerId == repairer && l.StartedAt >= from && l.StartedAt < to)
            .OrderBy(l => l.StartedAt).ThenBy(l => l.Id).Rows().ToListAsync(cancellationToken);
        var technicians = await db.Technicians.AsNoTracking().Where(t => t.RepairerId == repairer)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Department, t.Active }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = technicians
            .Select(t => (t, lines: lines.Where(l => l.TechnicianId == t.Id).ToList()))
            .Where(x => x.t.Active || x.lines.Count > 0)
            .Select(x => new TechnicianDay(x.t.Id, x.t.Name, x.t.Department, x.lines, ClockRules.Hours(x.lines.Select(l => (l.StartedAt, l.EndedAt)), now)))
            .ToList();
        var toReview = await db.ClockLines.CountAsync(l => l.Technician!.RepairerId == repairer && l.NeedsReview, cancellationToken);
        return new DayTimesheetModel(repairer, repairers.FirstOrDefault(x => x.Id == repairer)?.Name, date, rows, repairers, now, toReview);
    }

    public async Task<WeekTimesheetModel> WeekAsync(TimesheetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var repairers = await RepairersAsync(cancellationToken);
        var repairer = ChosenRepairer(repairers, query.Repairer);
        var monday = MondayOf(query.Date ?? time.Today());
        var (from, to) = (DayStart(monday), DayStart(monday.AddDays(7)));
        var lines = await db.ClockLines.AsNoTracking()
            .Where(l => l.Technician!.RepairerId == repairer && l.StartedAt >= from && l.StartedAt < to)
            .Select(l => new { l.TechnicianId, l.StartedAt, l.EndedAt }).ToListAsync(cancellationToken);
        var technicians = await db.Technicians.AsNoTracking().Where(t => t.RepairerId == repairer)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Active }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = technicians
            .Where(t => t.Active || lines.Any(l => l.TechnicianId == t.Id))
            .Select(t =>
            {
                var days = Enumerable.Range(0, 7)
                    .Select(d => ClockRules.Hours(lines.Where(l => l.TechnicianId == t.Id && time.DayOf(l.StartedAt) == monday.AddDays(d)).Select(l => (l.StartedAt, l.EndedAt)), now))
                    .ToList();
                return new TechnicianWeek(t.Id, t.Name, days, days.Sum());
            })
            .ToList();
        var dayTotals = Enumerable.Range(0, 7).Select(d => rows.Sum(x => x.Days[d])).ToList();
        return new WeekTimesheetModel(repairer, repairers.FirstOrDefault(x => x.Id == repairer)?.Name, monday, rows, dayTotals, dayTotals.Sum(), repairers);
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private DateTimeOffset DayStart(DateOnly date) => ClosingTime.ToUtc(date.ToDateTime(TimeOnly.MinValue), time.Zone);

    private Task<IReadOnlyList<RepairerOption>> RepairersAsync(CancellationToken cancellationToken) =>
        repairerOptions.GetAsync(db, cancellationToken);

    /// <summary>The repairer asked for if there is one by that id, otherwise the first by name (none without repairers).</summary>
    private static int? ChosenRepairer(IReadOnlyList<RepairerOption> repairers, int? wanted) =>
        wanted is { } id && repairers.Any(r => r.Id == id) ? id : repairers.Count > 0 ? repairers[0].Id : null;
}

/// <summary>
/// CSV for Excel in Belgium and the Netherlands (decision 0014): UTF-8 with a byte order mark, ';' between
/// cells, numbers in the reader's culture. A cell that starts with = + - @ (or a tab or carriage return)
/// gets a leading apostrophe so a spreadsheet never runs it as a formula (OWASP CSV injection).
/// </summary>
public static class TimesheetCsv
{
    public const char Separator = ';';

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([Separator, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(Separator, cells.Select(Cell));

    public static byte[] Encode(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = string.Join("\r\n", rows.Select(Line)) + "\r\n";
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)];
    }

    public static string Hours(decimal hours) => hours.ToString("0.00", CultureInfo.CurrentCulture);
}
