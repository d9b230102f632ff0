using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.IntegrationTests.Platform;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using Xunit.Abstractions;

namespace PlanManager.IntegrationTests.Security;

/// <summary>The embedded database under concurrent reads and writes; figures in docs/reliability.md.</summary>
public sealed class SoakFactory : PlanManagerFactory
{
    public WireMock.Server.WireMockServer Platforms { get; } = StartPlatforms();

    protected override int DemoJobs => 2000;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Connectors:Caps:BaseUrl", Platforms.Url + "/caps");
        builder.UseSetting("Connectors:Caps:SyncDelay", "00:00:01");
        builder.UseSetting("Connectors:Claims360:BaseUrl", Platforms.Url + "/c360");
    }

    /// <summary>CAPS accepts every push; Claims360 serves 100 assignments for one bodyshop, slowly enough to overlap the pages.</summary>
    private static WireMock.Server.WireMockServer StartPlatforms()
    {
        var server = WireMock.Server.WireMockServer.Start();
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/caps/v1/jobs/*")).UsingPut())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"capsJobId\":\"C\"}"));
        var updated = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var assignments = Enumerable.Range(1, 100)
            .Select(i => Claims360.Claims360Factory.Assignment((5_500_000 + i).ToString(CultureInfo.InvariantCulture), $"1SOK{i:000}",
            updated.AddMinutes(i))).ToArray();
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/c360/v1/bodyshops/BE0555000111/assignments").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithDelay(TimeSpan.FromMilliseconds(200))
                .WithBody(System.Text.Json.JsonSerializer.Serialize(new { assignments, page = 1, hasMore = false })));
        return server;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Platforms.Stop();
        Platforms.Dispose();
    }
}

/// <summary>
/// Page loads and job saves from several users at once, on the embedded SQLite database: no
/// server error, no "database is locked", every save stored. CI runs it for 15 seconds;
/// PLANMANAGER_SOAK_SECONDS=120 gives the two-minute run the figures come from.
/// </summary>
[Collection(HeavyTests.Name)]
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
            string[] pages = ["/jobs", "/jobs?status=InRepair&sort=created&dir=desc", "/jobs?page=40", "/jobs?q=1", "/workshop/vehicles-inside",
                "/third-parties/owners?q=an"];
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
                        ["Form.RepairerId"] = (await factory.WithDbAsync(db => db.Repairers.Select(r => r.Id).FirstAsync()))
                            .ToString(CultureInfo.InvariantCulture),
                        ["Form.Registration"] = $"SOAK{n}{round:000}",
                    }, "save");
                    statusCounts.AddOrUpdate((int)created.StatusCode, 1, (_, c) => c + 1);
                }
            }
        }

        // Background work at the same time: the Claims360 import and the CAPS relay, as the worker node runs them.
        var bodyshop = await factory.AddBodyshopAsync("BE0555000111");
        var aviva = await factory.WithDbAsync(db => db.ThirdParties.Where(t => t.CapsCode == "AVIVA01").Select(t => t.Id).SingleAsync());
        var backgroundRuns = 0;
        async Task Background()
        {
            while (stop.Elapsed < until)
            {
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<PlanManager.Web.Features.Claims360.ImportClaims360>()
                        .ImportAsync(bodyshop, CancellationToken.None);
                }

                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<PlanManager.Web.Features.Caps.CapsSyncRelay>().RunDueAsync(CancellationToken.None);
                }

                Interlocked.Increment(ref backgroundRuns);
                await Task.Delay(250);
            }
        }

        // One user makes jobs eligible for CAPS (insurer with a CAPS code, claim number): pushes become owed under load.
        async Task Eligible()
        {
            var browser = new HtmlClient(factory.CreateBrowserLikeClient());
            await browser.SignInAsync(DemoDataSeeder.StaffEmail);
            var round = 0;
            while (stop.Elapsed < until)
            {
                var id = ids[ids.Count - 1 - (round++ % ids.Count)];
                using var response = await browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string>
                {
                    ["Form.InsurerId"] = aviva.ToString(CultureInfo.InvariantCulture),
                    ["Form.InsurerName"] = "Aviva",
                    ["Form.ClaimNumber"] = $"SOAK-{id}",
                    ["Form.Make"] = "Ford",
                }, "save");
                statusCounts.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                await Task.Delay(200);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, readers).Select(Reader).Concat(Enumerable.Range(0, writers).Select(Writer)).Append(Background())
            .Append(Eligible()));

        var total = statusCounts.Values.Sum();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var pushes = factory.Platforms.LogEntries.Count(e => e.RequestMessage.Method == "PUT");
        var imported = await factory.WithDbAsync(db => db.Set<Claims360Item>().CountAsync(i => i.RepairerId == bodyshop));
        output.WriteLine($"background: {backgroundRuns} import+relay rounds, {imported} assignments imported, {pushes} CAPS pushes");
        output.WriteLine($"soak {Seconds}s: {total} requests ({total / stop.Elapsed.TotalSeconds:0} req/s), "
            + $"statuses {string.Join(", ", statusCounts.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}, "
            + $"saves {saved.Count}, managed memory {memoryBefore / 1048576} → {memoryAfter / 1048576} MiB");

        Assert.True(total > 50, $"only {total} requests in {Seconds}s");
        Assert.True(backgroundRuns > 0, "the background work never ran");
        Assert.Equal(100, imported);
        Assert.True(pushes > 0, "no CAPS push was relayed under load");
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
            ? string.Concat(Directory.EnumerateFiles(logPath)
                .Select(f => { using var s = new FileStream(f, FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite); using var r = new StreamReader(s); return r.ReadToEnd(); }))
            : string.Empty;
        Assert.DoesNotContain("database is locked", logText, StringComparison.OrdinalIgnoreCase);
    }
}
