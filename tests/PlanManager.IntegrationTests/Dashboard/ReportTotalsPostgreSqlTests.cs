using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Dashboard;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>
/// The monthly totals on PostgreSQL (READ COMMITTED, many writers, as production runs): two nodes recomputing marks at once
/// while jobs change lose no update, because every recompute holds the ReportTotals row's lock (decision 0021).
/// Needs PLANMANAGER_TEST_POSTGRES.
/// </summary>
public sealed class ReportTotalsPostgreSqlTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.NewPostgreSql();

    private sealed class Node(TestDatabase database) : PlanManagerFactory(database);

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task Two_nodes_recomputing_while_jobs_change_lose_no_update()
    {
        using var first = new Node(_database);
        _ = first.Services;
        using var second = new Node(_database);
        _ = second.Services;
        var repairers = await first.WithDbAsync(async db =>
        {
            var added = Enumerable.Range(1, 3).Select(i => RepairerBuilder.Belgian($"Concurrent {i}").Build()).ToList();
            db.Repairers.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(r => r.Id).ToArray();
        });
        var time = first.DisplayTime;
        var today = time.Today();
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        DateTimeOffset At(int monthsAgo, int day) => time.At(firstOfMonth.AddMonths(-monthsAgo).AddDays(day), new TimeOnly(10, 0));

        using var done = new CancellationTokenSource();
        async Task WorkAsync(PlanManagerFactory node)
        {
            while (!done.IsCancellationRequested)
            {
                await using var scope = node.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReportTotals>().ProcessMarksAsync(3, CancellationToken.None);
            }
        }

        async Task ChangeAsync()
        {
            var ids = new List<int>();
            for (var i = 0; i < 80; i++)
            {
                var node = i % 2 == 0 ? first : second;
                await node.WithDbAsync(async db =>
                {
                    if (i % 4 == 3 && ids.Count > 2)
                    {
                        var job = await db.Jobs.SingleAsync(j => j.Id == ids[i % ids.Count]);
                        switch (i % 3)
                        {
                            case 0: job.Edit(job.Details() with { RepairerId = repairers[(i / 3) % 3] }); break;
                            case 1: job.MarkOffSite(At(i % 3, i % 20)); break;
                            default: db.Jobs.Remove(job); ids.Remove(job.Id); break;
                        }
                    }
                    else
                    {
                        var job = new JobBuilder().Repairer(repairers[i % 3]).Source((JobSource)(i % 6)).Created(At((i % 4) + 1, i % 25))
                            .InsideSince(At((i % 4) + 1, 26)).OffSite(At(i % 4, (i * 7) % 27)).Build();
                        db.Jobs.Add(job);
                        await db.SaveChangesAsync();
                        ids.Add(job.Id);
                        return;
                    }

                    await db.SaveChangesAsync();
                });
            }

            await done.CancelAsync();
        }

        await Task.WhenAll(ChangeAsync(), WorkAsync(first), WorkAsync(second), WorkAsync(first), WorkAsync(second));
        await using (var scope = second.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportTotals>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(0, await first.WithDbAsync(db => db.ReportMonthChanges.CountAsync()));
        Assert.True(await first.WithDbAsync(db => db.ReportMonths.CountAsync()) > 0);
        foreach (var repairer in repairers.Cast<int?>().Append(null))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var figures = scope.ServiceProvider.GetRequiredService<ReportFigures>();
            var months = figures.Months(24);
            var (cycle, sources) = await figures.FiguresAsync(repairer, months, CancellationToken.None);
            var live = Describe(
                await figures.CycleTimesAsync(repairer, months, CancellationToken.None), await figures.SourcesAsync(repairer, months, CancellationToken.None));
            Assert.Equal(live, Describe(cycle, sources));
        }
    }

    private static string Describe(IReadOnlyList<CycleMonth> cycle, IReadOnlyList<SourceMonth> sources) =>
        string.Join('\n', cycle.Select(c => c.ToString()).Concat(sources.Select(s =>
            s.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ": "
            + string.Join(',', s.Jobs.OrderBy(j => j.Key).Select(j => $"{j.Key}={j.Value}")))));
}
