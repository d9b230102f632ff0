using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>
/// Keeps <see cref="ReportMonth"/> equal to what the Reports page would count from the jobs (decision 0021): the marks
/// <see cref="ReportMonthNotice"/> writes are turned into recomputed rows by the recurring job <see cref="JobId"/>, and an
/// empty or rebuilt table is filled month by month. Every write happens under the lock of the counter row
/// <see cref="JobNumberCounter.ReportTotalsName"/>, so two nodes never interleave a recompute.
/// </summary>
public sealed partial class ReportTotals(PlanManagerDbContext db, DisplayTime time, ILogger<ReportTotals> logger)
{
    public const string JobId = "report-totals";
    public const string Cron = "* * * * *";

    /// <summary>Marks taken per transaction: a burst of changes is worked off in short transactions.</summary>
    private const int Batch = 200;

    private static readonly JobSource[] Sources = Enum.GetValues<JobSource>();

    /// <summary>The recurring job: recomputes every marked (repairer, month) and consumes the marks it read. Safe to run twice.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await ProcessMarksAsync(Batch, cancellationToken) > 0)
        {
        }
    }

    /// <summary>Recomputes the months of up to <paramref name="batch"/> marks and deletes those marks (by id); returns how many it read.</summary>
    public async Task<int> ProcessMarksAsync(int batch, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await JobNumberAllocator.LockRowAsync(db, JobNumberCounter.ReportTotalsName, ct) != JobNumberCounter.ReportTotalsFilled)
            {
                // Not filled yet: the fill counts every month, and the marks stay for after it.
                return 0;
            }

            // Read after the lock: a mark committed before it is seen with the job change that wrote it.
            var marks = await db.ReportMonthChanges.AsNoTracking().OrderBy(c => c.Id).Take(batch).ToListAsync(ct);
            if (marks.Count == 0)
            {
                return 0;
            }

            var whole = marks.Where(m => m.RepairerId == ReportMonthChange.AllRepairers).Select(m => m.Month).ToHashSet();
            foreach (var month in whole)
            {
                await WriteMonthAsync(month, ct);
            }

            foreach (var (repairer, month) in marks.Where(m => !whole.Contains(m.Month)).Select(m => (m.RepairerId, m.Month)).Distinct())
            {
                await WriteAsync(repairer, month, ct);
            }

            await db.SaveChangesAsync(ct);
            // Exactly the marks read: one added meanwhile belongs to a change this recompute may not have seen.
            var ids = marks.Select(m => m.Id).ToList();
            await db.ReportMonthChanges.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return marks.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// Fills the table from the jobs when it was never filled (or always, with <paramref name="rebuild"/>): the page counts
    /// live meanwhile. One transaction per month, so writers wait for one month at most. Returns whether it filled.
    /// </summary>
    public async Task<bool> FillAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var started = await LockedAsync(async ct =>
        {
            if (!rebuild && await JobNumberAllocator.LockRowAsync(db, JobNumberCounter.ReportTotalsName, ct) == JobNumberCounter.ReportTotalsFilled)
            {
                return false;
            }

            await SetFilledAsync(JobNumberCounter.ReportTotalsNotFilled, ct);
            await db.ReportMonths.ExecuteDeleteAsync(ct);
            return true;
        }, cancellationToken);
        if (!started)
        {
            return false;
        }

        var months = await JobMonthsAsync(cancellationToken);
        foreach (var month in months)
        {
            await LockedAsync(async ct =>
            {
                await WriteMonthAsync(month, ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
        }

        await LockedAsync(async ct =>
        {
            await SetFilledAsync(JobNumberCounter.ReportTotalsFilled, ct);
            return true;
        }, cancellationToken);
        LogFilled(logger, months.Count, watch.Elapsed.TotalSeconds);
        return true;
    }

    /// <summary>One repairer's month counted from the jobs: the cars that left in it and the jobs opened in it.</summary>
    public async Task<ReportMonth> ComputeAsync(int repairer, DateOnly month, CancellationToken cancellationToken)
    {
        var (from, to) = Range(month);
        var cycle = await db.Jobs.AsNoTracking()
            .Where(j => j.RepairerId == repairer && j.OffSiteDate >= (DateTimeOffset?)from && j.OffSiteDate < (DateTimeOffset?)to)
            .Select(j => new CycleRow(j.RepairerId, j.OffSiteDate!.Value, j.ArrivedAt, j.CreatedAt))
            .ToListAsync(cancellationToken);
        var opened = await db.Jobs.AsNoTracking()
            .Where(j => j.RepairerId == repairer && j.CreatedAt >= from && j.CreatedAt < to)
            .GroupBy(j => j.Source)
            .Select(g => new SourceRow(repairer, g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return Build(repairer, month, cycle, opened);
    }

    private async Task WriteAsync(int repairer, DateOnly month, CancellationToken cancellationToken)
    {
        var row = await ComputeAsync(repairer, month, cancellationToken);
        await db.ReportMonths.Where(r => r.Month == month && r.RepairerId == repairer).ExecuteDeleteAsync(cancellationToken);
        if (!row.IsEmpty)
        {
            db.ReportMonths.Add(row);
        }
    }

    /// <summary>Every repairer's row of one month, from one range read per figure (the fill, and a mark for all repairers).</summary>
    private async Task WriteMonthAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var (from, to) = Range(month);
        var cycle = await db.Jobs.AsNoTracking()
            .Where(j => j.OffSiteDate >= (DateTimeOffset?)from && j.OffSiteDate < (DateTimeOffset?)to)
            .Select(j => new CycleRow(j.RepairerId, j.OffSiteDate!.Value, j.ArrivedAt, j.CreatedAt))
            .ToListAsync(cancellationToken);
        var opened = await db.Jobs.AsNoTracking()
            .Where(j => j.CreatedAt >= from && j.CreatedAt < to)
            .GroupBy(j => new { j.RepairerId, j.Source })
            .Select(g => new SourceRow(g.Key.RepairerId, g.Key.Source, g.Count()))
            .ToListAsync(cancellationToken);
        await db.ReportMonths.Where(r => r.Month == month).ExecuteDeleteAsync(cancellationToken);
        var repairers = cycle.Select(c => c.RepairerId).Concat(opened.Select(o => o.RepairerId)).Distinct();
        db.ReportMonths.AddRange(repairers
            .Select(r => Build(r, month, [.. cycle.Where(c => c.RepairerId == r)], [.. opened.Where(o => o.RepairerId == r)]))
            .Where(r => !r.IsEmpty));
    }

    /// <summary>The same rules as <see cref="ReportFigures.CycleTimesAsync"/>: keys to keys only for a car that arrived before it left.</summary>
    private static ReportMonth Build(int repairer, DateOnly month, IReadOnlyList<CycleRow> cycle, IReadOnlyList<SourceRow> opened)
    {
        var arrived = cycle.Where(r => r.ArrivedAt is { } a && a <= r.OffSite).ToList();
        var row = new ReportMonth
        {
            Month = month,
            RepairerId = repairer,
            CarsLeft = cycle.Count,
            CarsWithArrival = arrived.Count,
            KeysToKeysTicks = arrived.Sum(r => (r.OffSite - r.ArrivedAt!.Value).Ticks),
            EstimateToDeliveryTicks = cycle.Sum(r => Math.Max(0, (r.OffSite - r.CreatedAt).Ticks)),
        };
        foreach (var source in Sources)
        {
            row.SetOpened(source, opened.Where(o => o.Source == source).Sum(o => o.Count));
        }

        return row;
    }

    /// <summary>Every month from the first job opened or car left to the last.</summary>
    private async Task<IReadOnlyList<DateOnly>> JobMonthsAsync(CancellationToken cancellationToken)
    {
        var jobs = db.Jobs.AsNoTracking();
        var firstOpened = await jobs.OrderBy(j => j.CreatedAt).Select(j => (DateTimeOffset?)j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (firstOpened is null)
        {
            return [];
        }

        var lastOpened = await jobs.OrderByDescending(j => j.CreatedAt).Select(j => j.CreatedAt).FirstAsync(cancellationToken);
        var firstLeft = await jobs.Where(j => j.OffSiteDate != null).OrderBy(j => j.OffSiteDate).Select(j => j.OffSiteDate).FirstOrDefaultAsync(cancellationToken);
        var lastLeft = await jobs.Where(j => j.OffSiteDate != null).OrderByDescending(j => j.OffSiteDate).Select(j => j.OffSiteDate).FirstOrDefaultAsync(cancellationToken);
        var first = MonthOf(firstLeft is { } fl && fl < firstOpened.Value ? fl : firstOpened.Value);
        var last = MonthOf(lastLeft is { } ll && ll > lastOpened ? ll : lastOpened);
        var months = new List<DateOnly>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    private async Task<T> LockedAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await JobNumberAllocator.LockRowAsync(db, JobNumberCounter.ReportTotalsName, ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    private Task<int> SetFilledAsync(int value, CancellationToken cancellationToken) =>
        db.JobNumberCounters.Where(c => c.Name == JobNumberCounter.ReportTotalsName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastValue, value), cancellationToken);

    private (DateTimeOffset From, DateTimeOffset To) Range(DateOnly month) =>
        (time.At(month, TimeOnly.MinValue), time.At(month.AddMonths(1), TimeOnly.MinValue));

    private DateOnly MonthOf(DateTimeOffset at)
    {
        var day = time.DayOf(at);
        return new DateOnly(day.Year, day.Month, 1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report totals filled: {Months} months in {Seconds:F1} s")]
    private static partial void LogFilled(ILogger logger, int months, double seconds);

    private sealed record CycleRow(int RepairerId, DateTimeOffset OffSite, DateTimeOffset? ArrivedAt, DateTimeOffset CreatedAt);

    private sealed record SourceRow(int RepairerId, JobSource Source, int Count);
}
