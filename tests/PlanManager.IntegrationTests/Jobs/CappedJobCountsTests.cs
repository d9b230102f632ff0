using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>
/// The job list's remembered capped counts (issue 18, decision 0024): a filter far over the count limit is not counted again
/// until enough of its jobs may have left it, so its pager's "more than" stays true without a count on every page.
/// </summary>
public sealed class CappedJobCountsTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private const int Limit = 30;

    private sealed class Reads : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private SqlitePlanManagerDbContext Context(CappedJobCounts counts, Reads reads) => new(new DbContextOptionsBuilder<SqlitePlanManagerDbContext>()
        .UseSqlite($"Data Source={Factory.DatabasePath}").AddInterceptors(new JobListWriteNotice(counts), reads).Options);

    private async Task<int> RepairerWithJobsAsync(int jobs) => await Factory.WithDbAsync(async db =>
    {
        var repairer = RepairerBuilder.Belgian($"Counted {Guid.NewGuid():N}").Build();
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        var first = await db.Jobs.MaxAsync(j => (int?)j.Number) ?? 0;
        db.Jobs.AddRange(Enumerable.Range(1, jobs).Select(n => new JobBuilder().Number(first + n).Repairer(repairer.Id).Build()));
        await db.SaveChangesAsync();
        return repairer.Id;
    });

    private static async Task<(int Total, bool Capped, int Reads)> CountAsync(SqlitePlanManagerDbContext db, Reads reads, CappedJobCounts counts, int repairer)
    {
        var before = reads.Count;
        var jobs = db.Jobs.AsNoTracking().Where(j => j.RepairerId == repairer).OrderBy(j => j.CreatedAt);
        var (total, capped) = await counts.CountAsync(jobs, $"repairer {repairer}", Limit, CancellationToken.None);
        return (total, capped, reads.Count - before);
    }

    private static Task<int> TouchAsync(SqlitePlanManagerDbContext db, int repairer, int jobs) =>
        db.Jobs.Where(j => j.RepairerId == repairer).OrderBy(j => j.Id).Take(jobs).ExecuteUpdateAsync(s => s.SetProperty(j => j.Make, j => j.Make));

    [Fact]
    public async Task A_filter_far_over_the_limit_is_counted_again_only_after_enough_job_changes()
    {
        var counts = new CappedJobCounts(TimeProvider.System, margin: 10);
        var reads = new Reads();
        await using var db = Context(counts, reads);
        var repairer = await RepairerWithJobsAsync(60);

        Assert.Equal((Limit, true, 1), await CountAsync(db, reads, counts, repairer));
        Assert.Equal((Limit, true, 0), await CountAsync(db, reads, counts, repairer));

        Assert.Equal(9, await TouchAsync(db, repairer, 9));
        Assert.Equal((Limit, true, 0), await CountAsync(db, reads, counts, repairer));

        Assert.Equal(1, await TouchAsync(db, repairer, 1));
        Assert.Equal((Limit, true, 1), await CountAsync(db, reads, counts, repairer));
    }

    [Fact]
    public async Task A_filter_just_over_the_limit_or_under_it_is_counted_every_time()
    {
        var counts = new CappedJobCounts(TimeProvider.System, margin: 10);
        var reads = new Reads();
        await using var db = Context(counts, reads);
        var justOver = await RepairerWithJobsAsync(Limit + 10);
        var under = await RepairerWithJobsAsync(12);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal((Limit, true, 1), await CountAsync(db, reads, counts, justOver));
            Assert.Equal((12, false, 1), await CountAsync(db, reads, counts, under));
        }
    }

    [Fact]
    public async Task A_remembered_filter_is_counted_again_after_its_lifetime()
    {
        var clock = new Clock();
        var counts = new CappedJobCounts(clock, margin: 10);
        var reads = new Reads();
        await using var db = Context(counts, reads);
        var repairer = await RepairerWithJobsAsync(60);

        Assert.Equal(1, (await CountAsync(db, reads, counts, repairer)).Reads);
        clock.Now += CappedJobCounts.Lifetime - TimeSpan.FromSeconds(1);
        Assert.Equal(0, (await CountAsync(db, reads, counts, repairer)).Reads);
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(1, (await CountAsync(db, reads, counts, repairer)).Reads);
    }

    [Theory]
    [InlineData("SELECT COUNT(*) FROM \"Jobs\" AS \"j\"", null, 0)]
    [InlineData("INSERT INTO \"Jobs\" (\"Number\") VALUES (@p0) RETURNING \"Id\";", null, 0)]
    [InlineData("UPDATE \"Jobs\" SET \"Status\" = @p0 WHERE \"Id\" = @p1 RETURNING 1;\nUPDATE \"Jobs\" SET \"Status\" = @p2 WHERE \"Id\" = @p3;", null, 2)]
    [InlineData("UPDATE [j] SET [j].[Make] = [j].[Make] FROM [Jobs] AS [j] WHERE [j].[RepairerId] = @p", 7, 7)]
    [InlineData("DELETE FROM \"ThirdPartyNameWords\" WHERE \"ThirdPartyId\" = @p0", 3, 3)]
    [InlineData("UPDATE \"CapsSyncStates\" SET \"DueAt\" = @p0 WHERE \"JobId\" = @p1", 1, 0)]
    public void Changes_to_the_job_lists_tables_are_counted_by_statement_or_affected_rows(string sql, int? affected, int expected) =>
        Assert.Equal(expected, JobListWriteNotice.Changes(sql, affected));
}
