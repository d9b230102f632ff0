using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    private sealed class Capture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return ValueTask.FromResult(result);
        }
    }

    private async Task<List<(string Sql, List<(string, object?)> Parameters)>> CommandsAsync(Func<PlanManagerDbContext, Task> run)
    {
        var capture = new Capture();
        var options = new DbContextOptionsBuilder<SqlitePlanManagerDbContext>()
            .UseSqlite($"Data Source={Factory.DatabasePath}").AddInterceptors(capture).Options;
        await using var db = new SqlitePlanManagerDbContext(options);
        await run(db);
        return capture.Commands;
    }

    private async Task<List<string>> ExplainAsync(string sql, List<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

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
            foreach (var (sql, parameters) in onJobs)
            {
                var plan = await ExplainAsync(sql, parameters);
                Assert.DoesNotContain(plan, line => line == "SCAN j" || line.StartsWith("SCAN j ", StringComparison.Ordinal));
            }

            var inside = onJobs.Single(c => c.Sql.Contains("\"VehicleInSince\"", StringComparison.Ordinal));
            Assert.Contains(await ExplainAsync(inside.Sql, inside.Parameters), line =>
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
