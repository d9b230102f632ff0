using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Features.Dashboard;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>
/// Every query the dashboard and the Reports page send, run through SQLite's EXPLAIN QUERY PLAN: none reads the whole Jobs
/// table (their cost must follow what they count, not the table: issue 21), and the Reports page with current totals reads
/// no job at all.
/// </summary>
public sealed class FigureQueryPlanTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private Task<List<QueryPlans.Command>> CommandsAsync(Func<PlanManagerDbContext, Task> run) => QueryPlans.CommandsAsync(Factory.DatabasePath, run);

    private Task<List<string>> ExplainAsync(QueryPlans.Command command) => QueryPlans.ExplainAsync(Factory.DatabasePath, command);

    [Fact]
    public async Task No_dashboard_figure_scans_the_jobs_and_cars_inside_seek_their_covering_index_ranges()
    {
        var repairer = await FirstRepairerIdAsync();
        var time = Factory.DisplayTime;
        foreach (var chosen in new int?[] { null, repairer })
        {
            var commands = await CommandsAsync(db =>
                new DashboardFigures(db, time, TimeProvider.System, new RepairerOptions(TimeProvider.System)).BuildAsync(chosen, CancellationToken.None));
            var onJobs = commands.Where(c => c.Sql.Contains("\"Jobs\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(onJobs);
            foreach (var command in onJobs)
            {
                var plan = await ExplainAsync(command);
                Assert.DoesNotContain(plan, line => line == "SCAN j" || line.StartsWith("SCAN j ", StringComparison.Ordinal));
            }

            // CAPS pushes: each count on its own index, not every push state and not the repairer's jobs.
            var pushes = commands.Where(c => c.Sql.Contains("\"CapsSyncStates\"", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, pushes.Count);
            foreach (var command in pushes)
            {
                var plan = await ExplainAsync(command);
                Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal));
                Assert.Contains(plan, line => line.Contains("USING COVERING INDEX IX_CapsSyncStates_", StringComparison.Ordinal));
            }

            // Cars inside: three index ranges, none a walk over every car marked in. The cars in repair seek their open statuses,
            // the recent stale ones their days in; the old stale ones are counted up to a limit.
            var inside = onJobs.Where(c => c.Sql.Contains("\"VehicleInSince\"", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, inside.Count);
            var plans = await Task.WhenAll(inside.Select(ExplainAsync));
            Assert.All(plans, plan =>
                Assert.Contains(plan, line => line.StartsWith("SEARCH j USING COVERING INDEX IX_Jobs_VehicleIn_", StringComparison.Ordinal)));
            Assert.Contains(plans[0], line => line.Contains("(VehicleIn=? AND Status=? AND OffSiteDate=?", StringComparison.Ordinal));
            Assert.Contains(plans[1], line => line.Contains("VehicleInSince>?", StringComparison.Ordinal));
            Assert.Contains("LIMIT", inside[2].Sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_reports_page_with_current_totals_reads_no_job()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportTotals>().RunAsync(CancellationToken.None);
        }

        var time = Factory.DisplayTime;
        var commands = await CommandsAsync(db =>
            new ReportFigures(db, time, new RepairerOptions(TimeProvider.System)).BuildAsync(new ReportQuery { Months = 24 }, CancellationToken.None));

        Assert.Contains(commands, c => c.Sql.Contains("\"ReportMonths\"", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Sql.Contains("\"Jobs\"", StringComparison.Ordinal));
    }
}
