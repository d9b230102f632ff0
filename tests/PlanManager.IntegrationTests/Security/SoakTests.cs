using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using Xunit.Abstractions;

namespace PlanManager.IntegrationTests.Security;

/// <summary>The embedded database under concurrent reads and writes; figures in docs/reliability.md.</summary>
public sealed class SoakFactory : PlanManagerFactory
{
    protected override int DemoJobs => 2000;
}

/// <summary>
/// Page loads and job saves from several users at once, on the embedded SQLite database: no
/// server error, no "database is locked", every save stored. CI runs it for 15 seconds;
/// PLANMANAGER_SOAK_SECONDS=120 gives the two-minute run the figures come from.
/// </summary>
public sealed class SoakTests(SoakFactory factory, ITestOutputHelper output) : IClassFixture<SoakFactory>
{
    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("PLANMANAGER_SOAK_SECONDS"), out var s) && s > 0 ? s : 15;

    [Fact]
    public async Task Concurrent_pages_and_saves_give_no_errors_and_lose_nothing()
    {
        const int readers = 6;
        const int writers = 2;
        var ids = await factory.WithDbAsync(db => db.Jobs.OrderBy(j => j.Id).Select(j => j.Id).Take(200).ToListAsync());
        var statusCounts = new ConcurrentDictionary<int, int>();
        var saved = new ConcurrentBag<(int Id, string Colour)>();
        var stop = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(Seconds);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        async Task Reader(int n)
        {
            var browser = new HtmlClient(factory.CreateBrowserLikeClient());
            await browser.SignInAsync(DemoDataSeeder.StaffEmail);
            var random = new Random(n);
            string[] pages = ["/jobs", "/jobs?status=InRepair&sort=created&dir=desc", "/jobs?page=40", "/jobs?q=1", "/workshop/vehicles-inside", "/third-parties/owners?q=an"];
            while (stop.Elapsed < until)
            {
                var url = random.Next(3) == 0 ? $"/jobs/{ids[random.Next(ids.Count)]}" : pages[random.Next(pages.Length)];
                using var response = await browser.Http.GetAsync(url);
                statusCounts.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
            }
        }

        async Task Writer(int n)
        {
            var browser = new HtmlClient(factory.CreateBrowserLikeClient());
            await browser.SignInAsync(DemoDataSeeder.StaffEmail);
            var round = 0;
            while (stop.Elapsed < until)
            {
                var id = ids[(n * 97 + round) % ids.Count];
                var colour = $"Soak {n}-{round++}";
                using var response = await browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string> { ["Form.Colour"] = colour }, "save");
                statusCounts.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    saved.Add((id, colour));
                }

                // A new job now and then: job numbers are taken under the same load.
                if (round % 5 == 0)
                {
                    using var created = await browser.SubmitAsync("/jobs/new", "#job-form", new Dictionary<string, string>
                    {
                        ["Form.RepairerId"] = (await factory.WithDbAsync(db => db.Repairers.Select(r => r.Id).FirstAsync())).ToString(CultureInfo.InvariantCulture),
                        ["Form.Registration"] = $"SOAK{n}{round:000}",
                    }, "save");
                    statusCounts.AddOrUpdate((int)created.StatusCode, 1, (_, c) => c + 1);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, readers).Select(Reader).Concat(Enumerable.Range(0, writers).Select(Writer)));

        var total = statusCounts.Values.Sum();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"soak {Seconds}s: {total} requests ({total / stop.Elapsed.TotalSeconds:0} req/s), statuses {string.Join(", ", statusCounts.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}, saves {saved.Count}, managed memory {memoryBefore / 1048576} → {memoryAfter / 1048576} MiB");

        Assert.True(total > 50, $"only {total} requests in {Seconds}s");
        Assert.DoesNotContain(statusCounts.Keys, s => s >= 500);
        // Every save that was confirmed is there: the last confirmed colour of each job is stored (conflicts are refused, not lost).
        var lastByJob = saved.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.Select(x => x.Colour).ToHashSet());
        foreach (var (id, colours) in lastByJob)
        {
            var stored = await factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.Colour).SingleAsync());
            Assert.Contains(stored ?? string.Empty, colours);
        }

        var numbers = await factory.WithDbAsync(db => db.Jobs.Select(j => j.Number).ToListAsync());
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var logPath = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "logs");
        var logText = Directory.Exists(logPath)
            ? string.Concat(Directory.EnumerateFiles(logPath).Select(f => { using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); using var r = new StreamReader(s); return r.ReadToEnd(); }))
            : string.Empty;
        Assert.DoesNotContain("database is locked", logText, StringComparison.OrdinalIgnoreCase);
    }
}
