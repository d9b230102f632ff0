using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Dashboard;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>
/// The Reports page's monthly totals (decision 0021): after any job change and the minute's recompute they hold what the
/// page would count from the jobs, the marks are consumed, and while marks are pending the page still counts exactly.
/// </summary>
public sealed class ReportTotalsTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private DateTimeOffset MonthsAgo(int months, int day = 10) =>
        Factory.DisplayTime.At(FirstOfThisMonth().AddMonths(-months).AddDays(day - 1), new TimeOnly(12, 0));

    private DateOnly FirstOfThisMonth()
    {
        var today = Factory.DisplayTime.Today();
        return new DateOnly(today.Year, today.Month, 1);
    }

    private async Task<(int A, int B)> RepairersAsync(string name)
    {
        return await Factory.WithDbAsync(async db =>
        {
            var a = RepairerBuilder.Belgian(name + " A").Build();
            var b = RepairerBuilder.Belgian(name + " B").Build();
            db.Repairers.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
    }

    /// <summary>Cars that left over three months (with and without an arrival), and jobs opened from three sources.</summary>
    private Task<List<int>> AddJobsAsync(int a, int b) => Factory.WithDbAsync(async db =>
    {
        JobBuilder Job(int repairer) => new JobBuilder().Repairer(repairer).Status(JobStatus.Closed);
        var jobs = new List<Job>
        {
            Job(a).Created(MonthsAgo(1, 2)).InsideSince(MonthsAgo(1, 5)).OffSite(MonthsAgo(1, 12)).Build(),
            Job(a).Created(MonthsAgo(2, 3)).InsideSince(MonthsAgo(1, 1)).OffSite(MonthsAgo(1, 20)).Build(),
            Job(a).Created(MonthsAgo(3, 1)).OffSite(MonthsAgo(2, 7)).Build(),
            Job(b).Created(MonthsAgo(3, 9)).InsideSince(MonthsAgo(3, 10)).OffSite(MonthsAgo(3, 25)).Build(),
            new JobBuilder().Repairer(a).Source(JobSource.Portal).Created(MonthsAgo(1, 4)).Build(),
            new JobBuilder().Repairer(b).Source(JobSource.Caps).Created(MonthsAgo(0, 1)).Build(),
        };
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    });

    private Task RunMarksAsync() => WithTotalsAsync(totals => totals.RunAsync(CancellationToken.None));

    private async Task<T> WithTotalsAsync<T>(Func<ReportTotals, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ReportTotals>());
    }

    private async Task WithTotalsAsync(Func<ReportTotals, Task> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ReportTotals>());
    }

    private Task<int> PendingMarksAsync() => Factory.WithDbAsync(db => db.ReportMonthChanges.CountAsync());

    /// <summary>The page's figures (from the totals where they are current) and the old live queries, each written out as text.</summary>
    private async Task<(string Page, string Live)> FiguresAsync(int? repairer)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var figures = scope.ServiceProvider.GetRequiredService<ReportFigures>();
        var months = figures.Months(24);
        var (cycle, sources) = await figures.FiguresAsync(repairer, months, CancellationToken.None);
        var liveCycle = await figures.CycleTimesAsync(repairer, months, CancellationToken.None);
        var liveSources = await figures.SourcesAsync(repairer, months, CancellationToken.None);
        return (Describe(cycle, sources), Describe(liveCycle, liveSources));
    }

    private static string Describe(IReadOnlyList<CycleMonth> cycle, IReadOnlyList<SourceMonth> sources) =>
        string.Join('\n', cycle.Select(c => c.ToString()).Concat(sources.Select(s =>
            s.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ": "
            + string.Join(',', s.Jobs.OrderBy(j => j.Key).Select(j => $"{j.Key}={j.Value}")))));

    private async Task AssertTotalsEqualLiveAsync(params int?[] repairers)
    {
        foreach (var repairer in repairers)
        {
            var (page, live) = await FiguresAsync(repairer);
            Assert.Equal(live, page);
        }
    }

    private Task<int> StoredRowsAsync(int repairer) => Factory.WithDbAsync(db => db.ReportMonths.CountAsync(r => r.RepairerId == repairer));

    [Fact]
    public async Task Totals_equal_the_live_figures_after_jobs_are_opened_moved_off_site_moved_between_repairers_and_deleted()
    {
        var (a, b) = await RepairersAsync("Totals");
        var ids = await AddJobsAsync(a, b);
        await RunMarksAsync();

        Assert.Equal(0, await PendingMarksAsync());
        Assert.Equal(3, await StoredRowsAsync(a));
        await AssertTotalsEqualLiveAsync(a, b, null);

        await Factory.WithDbAsync(async db =>
        {
            var jobs = await db.Jobs.Where(j => ids.Contains(j.Id)).OrderBy(j => j.Id).ToListAsync();
            jobs[4].MarkOffSite(MonthsAgo(0, 2));
            jobs[0].Edit(jobs[0].Details() with { RepairerId = b });
            db.Jobs.Remove(jobs[2]);
            db.Jobs.Add(new JobBuilder().Repairer(a).Source(JobSource.Informex).Created(MonthsAgo(2, 15)).Build());
            await db.SaveChangesAsync();
        });
        Assert.True(await PendingMarksAsync() > 0);
        await RunMarksAsync();

        Assert.Equal(0, await PendingMarksAsync());
        await AssertTotalsEqualLiveAsync(a, b, null);
        // The car moved to B left last month: B's row of that month holds it now, A's the other car.
        var lastMonth = FirstOfThisMonth().AddMonths(-1);
        Assert.Equal([1, 1], await Factory.WithDbAsync(db => db.ReportMonths.Where(r => r.Month == lastMonth && (r.RepairerId == a || r.RepairerId == b))
            .OrderBy(r => r.RepairerId).Select(r => r.CarsLeft).ToListAsync()));
    }

    [Fact]
    public async Task The_page_stays_exact_while_marks_are_pending()
    {
        var (a, b) = await RepairersAsync("Pending");
        await AddJobsAsync(a, b);
        await RunMarksAsync();
        var before = await Browser.GetPageAsync($"/reports?repairer={a}");

        await Factory.WithDbAsync(async db =>
        {
            db.Jobs.Add(new JobBuilder().Repairer(a).Source(JobSource.Claims360).Created(MonthsAgo(1, 8)).Build());
            await db.SaveChangesAsync();
        });
        var page = await Browser.GetPageAsync($"/reports?repairer={a}");

        Assert.True(await PendingMarksAsync() > 0);
        // The stored row of last month is not recomputed yet, and the page counts that month from the jobs.
        var lastMonth = FirstOfThisMonth().AddMonths(-1);
        Assert.Equal(0, await Factory.WithDbAsync(db =>
            db.ReportMonths.Where(r => r.RepairerId == a && r.Month == lastMonth).Select(r => r.OpenedClaims360).SingleAsync()));
        Assert.Equal(["1", "1", "0", "0", "0", "0", "2"], SourceCells(before, 2));
        Assert.Equal(["1", "1", "0", "0", "1", "0", "3"], SourceCells(page, 2));
        await AssertTotalsEqualLiveAsync(a, null);
    }

    private static string[] SourceCells(AngleSharp.Html.Dom.IHtmlDocument page, int fromEnd) =>
        [.. page.QuerySelectorAll("[data-testid=source-table] tbody tr")[^fromEnd].Children.Skip(1).Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task The_fill_at_start_and_a_rebuild_give_the_same_as_live()
    {
        var (a, b) = await RepairersAsync("Fill");
        await AddJobsAsync(a, b);
        // As after the migration that brought the totals in: jobs, marks left over, and no totals yet.
        await Factory.WithDbAsync(async db =>
        {
            await db.ReportMonths.ExecuteDeleteAsync();
            await db.JobNumberCounters.Where(c => c.Name == JobNumberCounter.ReportTotalsName)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastValue, JobNumberCounter.ReportTotalsNotFilled));
        });
        await AssertTotalsEqualLiveAsync(a, null);

        await Factory.WithDbAsync(db => db.ReportMonthChanges.ExecuteDeleteAsync());
        Assert.True(await WithTotalsAsync(totals => totals.FillAsync(rebuild: false, CancellationToken.None)));
        Assert.False(await WithTotalsAsync(totals => totals.FillAsync(rebuild: false, CancellationToken.None)));

        Assert.Equal(3, await StoredRowsAsync(a));
        await AssertTotalsEqualLiveAsync(a, b, null);

        // A row gone wrong (a change made around the app) is put right by --rebuild-report-totals.
        await Factory.WithDbAsync(db =>
            db.ReportMonths.Where(r => r.RepairerId == a && r.CarsLeft > 0).ExecuteUpdateAsync(s => s.SetProperty(r => r.CarsLeft, 40)));
        Assert.NotEqual((await FiguresAsync(a)).Live, (await FiguresAsync(a)).Page);
        Assert.True(await WithTotalsAsync(totals => totals.FillAsync(rebuild: true, CancellationToken.None)));
        await AssertTotalsEqualLiveAsync(a, b, null);
    }

    [Fact]
    public async Task A_repairer_with_no_jobs_has_no_rows_and_reports_zeros()
    {
        var (_, b) = await RepairersAsync("Empty");
        await RunMarksAsync();

        Assert.Equal(0, await StoredRowsAsync(b));
        var (page, live) = await FiguresAsync(b);
        Assert.Equal(live, page);
        Assert.DoesNotContain("CycleMonth", page, StringComparison.Ordinal);
        Assert.All(page.Split('\n'), line =>
            Assert.EndsWith("Staff=0,Portal=0,Caps=0,AudatexUk=0,Claims360=0,Informex=0", line, StringComparison.Ordinal));
    }
}

/// <summary>A new database: the fill at start finds no jobs, marks it filled, and the page reads zeros.</summary>
public sealed class EmptyReportTotalsTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    [Fact]
    public async Task An_empty_database_is_filled_at_start_and_reports_zeros()
    {
        var filled = await Factory.WithDbAsync(db =>
            db.JobNumberCounters.Where(c => c.Name == JobNumberCounter.ReportTotalsName).Select(c => c.LastValue).SingleAsync());
        var page = await Browser.GetPageAsync("/reports?months=24");

        Assert.Equal(JobNumberCounter.ReportTotalsFilled, filled);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ReportMonths.CountAsync()));
        Assert.Equal(24, page.QuerySelectorAll("[data-testid=source-table] tbody tr").Length);
        Assert.All(page.QuerySelectorAll("[data-testid=source-table] tbody td"), c => Assert.Equal("0", c.TextContent.Trim()));
        Assert.Empty(page.QuerySelectorAll("[data-testid=per-repairer-table] tbody tr"));
    }
}
