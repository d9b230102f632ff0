using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Features.Dashboard;

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
    public async Task No_dashboard_figure_scans_the_jobs_and_cars_inside_seeks_its_covering_index()
    {
        var repairer = await FirstRepairerIdAsync();
        var time = Factory.DisplayTime;
        foreach (var chosen in new int?[] { null, repairer })
        {
            var commands = await CommandsAsync(db => new DashboardFigures(db, time, TimeProvider.System).BuildAsync(chosen, CancellationToken.None));
            var onJobs = commands.Where(c => c.Sql.Contains("\"Jobs\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(onJobs);
            foreach (var command in onJobs)
            {
                var plan = await ExplainAsync(command);
                Assert.DoesNotContain(plan, line => line == "SCAN j" || line.StartsWith("SCAN j ", StringComparison.Ordinal));
            }

            var inside = onJobs.Single(c => c.Sql.Contains("\"VehicleInSince\"", StringComparison.Ordinal));
            Assert.Contains(await ExplainAsync(inside), line =>
                line.StartsWith("SEARCH j USING COVERING INDEX IX_Jobs_VehicleIn_", StringComparison.Ordinal)
                && line.Contains("(VehicleIn=?", StringComparison.Ordinal));
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
        var commands = await CommandsAsync(db => new ReportFigures(db, time).BuildAsync(new ReportQuery { Months = 24 }, CancellationToken.None));

        Assert.Contains(commands, c => c.Sql.Contains("\"ReportMonths\"", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Sql.Contains("\"Jobs\"", StringComparison.Ordinal));
    }
}
