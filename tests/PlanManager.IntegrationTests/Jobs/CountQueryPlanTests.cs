using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Repairers;
using PlanManager.Web.Features.Workshop;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>
/// Issue 18: the capped counts of the job list and Vehicles inside stop at their limit without sorting what they count.
/// Ordered against the filter's index (by Id), SQLite sorted every match first: at 1M jobs the filtered list's 10,001 rows
/// and the 30,000 cars left inside on every page load (Vehicles inside went from 44 to 92 ms p95 in the bench).
/// </summary>
public sealed class CountQueryPlanTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    // The queries ask for page 2: a first page is read before anything is counted, and one that is not full is never counted.
    private async Task<List<string>> CountPlansAsync(Func<PlanManagerDbContext, Task> run)
    {
        var commands = await QueryPlans.CommandsAsync(Factory.DatabasePath, run);
        var counts = commands.Where(c => c.Sql.Contains("COUNT(*)", StringComparison.Ordinal) && c.Sql.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(counts);
        var plans = new List<string>();
        foreach (var command in counts)
        {
            plans.AddRange(await QueryPlans.ExplainAsync(Factory.DatabasePath, command));
        }

        return plans;
    }

    [Fact]
    public async Task The_job_lists_capped_count_sorts_nothing_for_its_filters()
    {
        var repairer = await FirstRepairerIdAsync();
        var queries = new[]
        {
            new JobListQuery { Page = 2 },
            new JobListQuery { Page = 2, Status = JobStatus.Closed, Repairer = repairer, Sort = "created", Dir = "desc" },
            new JobListQuery { Page = 2, Status = JobStatus.InRepair },
            new JobListQuery { Page = 2, Repairer = repairer },
            new JobListQuery { Page = 2, Source = JobSource.Portal },
        };
        foreach (var query in queries)
        {
            var plan = await CountPlansAsync(db =>
                new JobList(db, new CappedJobCounts(TimeProvider.System), new RepairerOptions(TimeProvider.System)).HandleAsync(query, CancellationToken.None));
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Vehicles_inside_counts_its_cars_without_sorting_them()
    {
        var repairer = await FirstRepairerIdAsync();
        VehiclesInsideQuery[] queries = [new() { Page = 2 }, new() { Page = 2, Repairer = repairer }, new() { Page = 2, Finished = true }];
        foreach (var query in queries)
        {
            var plan = await CountPlansAsync(db =>
                new VehiclesInside(db, Factory.DisplayTime, new RepairerOptions(TimeProvider.System)).HandleAsync(query, CancellationToken.None));
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }
}
