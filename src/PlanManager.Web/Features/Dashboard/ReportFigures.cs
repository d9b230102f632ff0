using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>What the Reports page was asked for: a repairer (or all) and how many months back.</summary>
public sealed class ReportQuery
{
    public static readonly IReadOnlyList<int> MonthChoices = [6, 12, 24];

    public int? Repairer { get; set; }
    public int? Months { get; set; }

    public int MonthCount => Months is { } m && MonthChoices.Contains(m) ? m : 12;
}

/// <summary>
/// The Reports page (R1): cycle times of the cars that left and where jobs came from, per month of the
/// bodyshop's calendar. Each figure is one query on an index range of the chosen months (decision 0015).
/// </summary>
public sealed class ReportFigures(PlanManagerDbContext db, DisplayTime time, RepairerOptions repairerOptions)
{
    private static readonly JobSource[] Sources = Enum.GetValues<JobSource>();

    public async Task<ReportModel> BuildAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var repairers = await repairerOptions.GetAsync(db, cancellationToken);
        var chosen = repairers.FirstOrDefault(r => r.Id == query.Repairer)?.Id;
        var months = Months(query.MonthCount);
        var (cycle, sources) = await FiguresAsync(chosen, months, cancellationToken);
        return new ReportModel(chosen, query.MonthCount, repairers, cycle, CycleTimesPerRepairer(cycle, repairers), sources);
    }

    /// <summary>
    /// The figures of the chosen months from the monthly totals, except the months that still have marks of changes not yet
    /// recomputed: those are counted live, so the page is always exact (decision 0021). Without filled totals, all live.
    /// </summary>
    public async Task<(IReadOnlyList<CycleMonth> Cycle, IReadOnlyList<SourceMonth> Sources)> FiguresAsync(
        int? repairer, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (!await TotalsFilledAsync(cancellationToken))
        {
            return await LiveAsync(repairer, months, cancellationToken);
        }

        // The marks before the rows: a recompute that commits in between has written its rows by the time they are read.
        var (first, last) = (months[0], months[^1]);
        var changes = db.ReportMonthChanges.AsNoTracking().Where(c => c.Month >= first && c.Month <= last);
        if (repairer is { } chosen)
        {
            changes = changes.Where(c => c.RepairerId == chosen || c.RepairerId == ReportMonthChange.AllRepairers);
        }

        var marked = (await changes.Select(c => c.Month).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var stored = db.ReportMonths.AsNoTracking().Where(r => r.Month >= first && r.Month <= last);
        if (repairer is { } id)
        {
            stored = stored.Where(r => r.RepairerId == id);
        }

        var rows = (await stored.ToListAsync(cancellationToken)).Where(r => !marked.Contains(r.Month)).ToList();
        if (!await TotalsFilledAsync(cancellationToken))
        {
            // A rebuild emptied the table after the first look: these rows may be half a fill.
            return await LiveAsync(repairer, months, cancellationToken);
        }

        var cycle = rows.Where(r => r.CarsLeft > 0)
            .Select(r => new CycleMonth(r.RepairerId, r.Month, r.CarsLeft, r.CarsWithArrival, Days(r.KeysToKeysTicks), Days(r.EstimateToDeliveryTicks)))
            .ToList();
        var sources = months.ToDictionary(m => m, m => new SourceMonth(m, Sources.ToDictionary(s => s, s => rows.Where(r => r.Month == m).Sum(r => r.Opened(s)))));
        if (marked.Count > 0)
        {
            // One live read over the span of the marked months (all chosen months at worst: the old queries), kept for those months.
            var span = months.Where(m => m >= marked.Min() && m <= marked.Max()).ToList();
            cycle.AddRange((await CycleTimesAsync(repairer, span, cancellationToken)).Where(c => marked.Contains(c.Month)));
            foreach (var live in (await SourcesAsync(repairer, span, cancellationToken)).Where(s => marked.Contains(s.Month)))
            {
                sources[live.Month] = live;
            }
        }

        return ([.. cycle.OrderBy(c => c.Month).ThenBy(c => c.RepairerId)], [.. months.Select(m => sources[m])]);
    }

    /// <summary>The first day of each of the last <paramref name="count"/> months, the current one last.</summary>
    public IReadOnlyList<DateOnly> Months(int count)
    {
        var today = time.Today();
        var current = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, count).Select(i => current.AddMonths(i - count + 1))];
    }

    /// <summary>
    /// Keys to keys (arrived to off site) and estimate to delivery (job opened to off site) of the cars that
    /// left in each month, per repairer. One range read of the covering index on OffSiteDate; the
    /// averages are summed here because a time difference is not portable SQL over stored ticks.
    /// </summary>
    public async Task<IReadOnlyList<CycleMonth>> CycleTimesAsync(int? repairer, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        DateTimeOffset? from = time.At(months[0], TimeOnly.MinValue);
        DateTimeOffset? to = time.At(months[^1].AddMonths(1), TimeOnly.MinValue);
        var jobs = db.Jobs.AsNoTracking().Where(j => j.OffSiteDate >= from && j.OffSiteDate < to);
        if (repairer is { } id)
        {
            jobs = jobs.Where(j => j.RepairerId == id);
        }

        var rows = await jobs.Select(j => new { j.RepairerId, OffSite = j.OffSiteDate!.Value, j.ArrivedAt, j.CreatedAt }).ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => (r.RepairerId, Month: FirstOfMonth(time.DayOf(r.OffSite))))
            .Select(g => new CycleMonth(
                g.Key.RepairerId,
                g.Key.Month,
                g.Count(),
                g.Count(r => r.ArrivedAt is { } a && a <= r.OffSite),
                Days(g.Where(r => r.ArrivedAt is { } a && a <= r.OffSite).Sum(r => (r.OffSite - r.ArrivedAt!.Value).Ticks)),
                Days(g.Sum(r => Math.Max(0, (r.OffSite - r.CreatedAt).Ticks)))))
            .OrderBy(c => c.Month).ThenBy(c => c.RepairerId)];
    }

    /// <summary>Jobs opened per month and source, counted by the database in one GROUP BY over the CreatedAt index.</summary>
    public async Task<IReadOnlyList<SourceMonth>> SourcesAsync(int? repairer, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        var starts = months.Select(m => time.At(m, TimeOnly.MinValue)).ToList();
        var to = time.At(months[^1].AddMonths(1), TimeOnly.MinValue);
        var from = starts[0];
        var jobs = db.Jobs.AsNoTracking().Where(j => j.CreatedAt >= from && j.CreatedAt < to);
        if (repairer is { } id)
        {
            jobs = jobs.Where(j => j.RepairerId == id);
        }

        // Bucket 1 is the first month (every row is at or after its start); the source is the key's remainder.
        var key = Buckets.Combine(Buckets.Index<Job>(j => j.CreatedAt, starts), j => (int)j.Source, Sources.Length);
        var counts = await jobs.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. months.Select((month, i) => new SourceMonth(
            month,
            Sources.ToDictionary(s => s, s => counts.GetValueOrDefault(((i + 1) * Sources.Length) + (int)s))))];
    }

    private Task<bool> TotalsFilledAsync(CancellationToken cancellationToken) =>
        db.JobNumberCounters.AsNoTracking().AnyAsync(
            c => c.Name == JobNumberCounter.ReportTotalsName && c.LastValue == JobNumberCounter.ReportTotalsFilled, cancellationToken);

    private async Task<(IReadOnlyList<CycleMonth> Cycle, IReadOnlyList<SourceMonth> Sources)> LiveAsync(
        int? repairer, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken) =>
        (await CycleTimesAsync(repairer, months, cancellationToken), await SourcesAsync(repairer, months, cancellationToken));

    private static IReadOnlyList<RepairerCycle> CycleTimesPerRepairer(IReadOnlyList<CycleMonth> months, IReadOnlyList<RepairerOption> repairers) =>
    [
        .. repairers.Select(r =>
        {
            var own = months.Where(m => m.RepairerId == r.Id).ToList();
            return new RepairerCycle(r.Id, r.Name, CycleMonth.Sum(r.Id, default, own));
        }).Where(r => r.Total.Cars > 0),
    ];

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static double Days(long ticks) => TimeSpan.FromTicks(ticks).TotalDays;
}

/// <summary>
/// The cars of one repairer that left in one month: how many, and the summed days (averages are
/// <see cref="KeysToKeysDays"/> and <see cref="EstimateToDeliveryDays"/>). Cars without an arrival time
/// (history from before R1) count for estimate to delivery only.
/// </summary>
public sealed record CycleMonth(int RepairerId, DateOnly Month, int Cars, int CarsWithArrival, double KeysToKeysTotal, double EstimateToDeliveryTotal)
{
    public double? KeysToKeysDays => CarsWithArrival == 0 ? null : KeysToKeysTotal / CarsWithArrival;
    public double? EstimateToDeliveryDays => Cars == 0 ? null : EstimateToDeliveryTotal / Cars;

    public static CycleMonth Sum(int repairerId, DateOnly month, IEnumerable<CycleMonth> parts)
    {
        var list = parts.ToList();
        return new CycleMonth(repairerId, month, list.Sum(p => p.Cars), list.Sum(p => p.CarsWithArrival),
            list.Sum(p => p.KeysToKeysTotal), list.Sum(p => p.EstimateToDeliveryTotal));
    }
}

public sealed record RepairerCycle(int RepairerId, string Repairer, CycleMonth Total);

public sealed record SourceMonth(DateOnly Month, IReadOnlyDictionary<JobSource, int> Jobs)
{
    public int Total => Jobs.Values.Sum();
}

public sealed record ReportModel(
    int? Repairer,
    int Months,
    IReadOnlyList<RepairerOption> Repairers,
    IReadOnlyList<CycleMonth> CycleTimes,
    IReadOnlyList<RepairerCycle> PerRepairer,
    IReadOnlyList<SourceMonth> Sources)
{
    /// <summary>The chosen scope (one repairer or all) per month, every month present.</summary>
    public IReadOnlyList<CycleMonth> CycleTimesPerMonth(IReadOnlyList<DateOnly> months) =>
        [.. months.Select(m => CycleMonth.Sum(Repairer ?? 0, m, CycleTimes.Where(c => c.Month == m)))];

    public IReadOnlyList<DateOnly> MonthList => [.. Sources.Select(s => s.Month)];
}
