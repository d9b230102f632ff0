using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace PlanManager.IntegrationTests.Cluster;

/// <summary>
/// The production shape run for real (deploy/local-cluster.sh): two web nodes and a worker on
/// PostgreSQL behind nginx, WireMock.Net as CAPS and Claims360 counting what reaches them, and
/// faults injected with SIGKILL. Figures in docs/reliability.md come from this test's output.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class LocalClusterTests(ITestOutputHelper output) : IDisposable
{
    private const int Pages = 6;
    private const int PerPage = 10;
    private static readonly string[] OfferIds = ["OF-K1", "OF-K2", "OF-K3", "OF-K4"];
    private readonly WireMockServer _platforms = WireMockServer.Start();
    private int _requests;

    [ClusterFact]
    public async Task Two_web_nodes_and_a_worker_behind_nginx_survive_killed_processes_without_losing_or_repeating_work()
    {
        StubPlatforms();
        using var cluster = new LocalCluster(_platforms.Url!, [
            "Connectors__Caps__SyncDelay=00:00:15",
            "Connectors__Caps__SyncRetryDelay=00:00:02",
            "Connectors__Claims360__ImportCron=*/10 * * * * *",
            "Connectors__Claims360__MaxRetries=1",
            "BackgroundJobs__SchedulePollingInterval=00:00:01",
        ]);
        await cluster.UpAsync();
        try
        {
            await RunAsync(cluster);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            output.WriteLine(cluster.LogTails());
            throw;
        }
    }

    private async Task RunAsync(LocalCluster cluster)
    {
        // Signed in through nginx, still signed in on each node: one key ring in the database.
        using var cookies = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var staff = new HtmlClient(new HttpClient(cookies, disposeHandler: false) { BaseAddress = cluster.Proxy });
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        foreach (var node in new[] { "web-1", "web-2" })
        {
            using var direct = new HttpClient(cookies, disposeHandler: false) { BaseAddress = cluster.Node(node) };
            var page = HtmlClient.Parse(await direct.GetStringAsync(new Uri("/jobs", UriKind.Relative)));
            Assert.True(page.QuerySelector("[data-testid=signed-in-user]") is not null, $"not signed in on {node}");
            _requests++;
        }

        // A CAPS offer accepted through nginx: the worker pushes the job to CAPS, once.
        var first = await AcceptAsync(staff, cluster, OfferIds[0]);
        await WaitForAsync(() => Task.FromResult(PushesOf(first) > 0), "the first CAPS push", 90);

        // Three more accepted: their pushes are owed (15 s delay) when the worker is killed below.
        var owed = new List<int>();
        foreach (var offer in OfferIds.Skip(1))
        {
            owed.Add(await AcceptAsync(staff, cluster, offer));
        }

        // The Claims360 import (every 10 s on the worker) now finds 60 assignments, 10 a page, each page slow;
        // the worker is killed once it has asked for page 3, and started again.
        var repairer = await cluster.WithDbAsync(db => db.Claims360Setups.OrderBy(s => s.RepairerId).Select(s => s.RepairerId).FirstAsync());
        var carrosserie = await cluster.WithDbAsync(db => db.Claims360Setups.Where(s => s.RepairerId == repairer).Select(s => s.CarrosserieId).SingleAsync());
        GivenAssignments(carrosserie);
        await WaitForAsync(() => Task.FromResult(PageRequests(carrosserie, 3) > 0), "the import to reach page 3", 90);
        var importedAtKill = await cluster.WithDbAsync(db => db.Claims360Items.CountAsync(i => i.RepairerId == repairer));
        await cluster.StopAsync("worker", "KILL");
        await cluster.StartAsync("worker");

        await WaitForAsync(async () => await cluster.WithDbAsync(db => db.Claims360Items.CountAsync(i => i.RepairerId == repairer)) == Pages * PerPage,
            "all 60 assignments", 180);
        await WaitForAsync(() => Task.FromResult(owed.All(n => PushesOf(n) > 0)), "the pushes owed at the kill", 120);
        // One more full import after that, so a repeat would show.
        var lastPages = PageRequests(carrosserie, Pages);
        await WaitForAsync(() => Task.FromResult(PageRequests(carrosserie, Pages) > lastPages), "one more full import", 120);

        var numbers = await cluster.WithDbAsync(db => db.Claims360Items.Where(i => i.RepairerId == repairer).Select(i => i.AssignmentNumber).ToListAsync());
        Assert.Equal(Pages * PerPage, numbers.Distinct().Count());
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var pushes = owed.Prepend(first).ToDictionary(n => n, PushesOf);
        Assert.All(pushes, p => Assert.Equal(1, p.Value));

        // web-1 killed: nginx sends every page to web-2.
        await cluster.StopAsync("web-1", "KILL");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await staff.Http.GetAsync(new Uri(i % 2 == 0 ? "/jobs" : "/job-queue/caps", UriKind.Relative));
            statuses.Add(response.StatusCode);
            _requests++;
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"nodes: web-1, web-2, worker (+ nginx, PostgreSQL); requests through nginx and to nodes: {_requests}; faults injected: "
            + $"worker SIGKILL during the import (after {importedAtKill} of 60 assignments), web-1 SIGKILL; "
            + $"assignments imported: {numbers.Count} (lost 0, duplicated {numbers.Count - numbers.Distinct().Count()}); "
            + $"CAPS pushes: {string.Join(", ", pushes.Select(p => $"job {p.Key}: {p.Value}"))}; "
            + $"pages after web-1's death: {statuses.Count} answered 200"));
    }

    private async Task<int> AcceptAsync(HtmlClient staff, LocalCluster cluster, string offerId)
    {
        await staff.GetPageAsync("/job-queue/caps");
        var item = await cluster.WithDbAsync(db => db.QueueItems.Where(q => q.ExternalId == offerId).Select(q => q.Id).SingleAsync());
        using var response = await staff.SubmitAsync("/job-queue/caps", $"form[action='/job-queue/caps/{item}/accept']", new Dictionary<string, string>());
        _requests += 3;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        return await cluster.WithDbAsync(db => db.Jobs.Where(j => j.Id == job).Select(j => j.Number).SingleAsync());
    }

    private void StubPlatforms()
    {
        var offers = string.Join(",", OfferIds.Select((id, i) => $$"""
            {"offerId":"{{id}}","claimNumber":"CLM-{{id}}","insurerCapsCode":"AVIVA01","insurerName":"Aviva","registration":"KL{{i}}2 CLU",
            "make":"BMW","model":"3-SERIES","vin":null,"customerName":"Cluster Customer","customerPhone":"07700 900123","customerEmail":null,
            "lossDate":"2026-11-02","damageDescription":"Rear bumper","offeredAt":"2026-11-20T09:00:00Z","expiresAt":"2027-11-25T09:00:00Z"}
            """));
        Json(Request.Create().WithPath("/caps/v1/offers").UsingGet(), "{\"offers\":[" + offers + "]}");
        Json(Request.Create().WithPath(new WildcardMatcher("/caps/v1/offers/*")).UsingPost(), "{}");
        Json(Request.Create().WithPath(new WildcardMatcher("/caps/v1/jobs/*")).UsingPut(), "{\"capsJobId\":\"C-1\",\"receivedAt\":\"2026-11-23T10:00:00Z\"}");
        // Every bodyshop has nothing new until GivenAssignments.
        Json(Request.Create().WithPath(new WildcardMatcher("/claims360/v1/bodyshops/*/assignments")).UsingGet(),
            "{\"assignments\":[],\"page\":1,\"hasMore\":false}", priority: 50);
    }

    private void GivenAssignments(string carrosserie)
    {
        var updated = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        for (var page = 1; page <= Pages; page++)
        {
            var assignments = Enumerable.Range((page - 1) * PerPage + 1, PerPage)
                .Select(i => Claims360.Claims360Factory.Assignment((7_300_000 + i).ToString(CultureInfo.InvariantCulture), $"1CLU{i:000}",
                    updated.AddMinutes(i))).ToArray();
            _platforms.Given(Request.Create().WithPath($"/claims360/v1/bodyshops/{carrosserie}/assignments").UsingGet()
                .WithParam("page", page.ToString(CultureInfo.InvariantCulture)))
                .AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(TimeSpan.FromMilliseconds(1500))
                    .WithBody(JsonSerializer.Serialize(new { assignments, page, hasMore = page < Pages })));
        }
    }

    private void Json(IRequestBuilder request, string body, int priority = 10) =>
        _platforms.Given(request).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    private int PushesOf(int jobNumber) =>
        _platforms.LogEntries.Count(e => e.RequestMessage.Method == "PUT" && e.RequestMessage.AbsolutePath == $"/caps/v1/jobs/{jobNumber}"
            && e.ResponseMessage.StatusCode is 200);

    private int PageRequests(string carrosserie, int page) =>
        _platforms.LogEntries.Count(e => e.RequestMessage.AbsolutePath == $"/claims360/v1/bodyshops/{carrosserie}/assignments"
            && e.RequestMessage.Query is { } query && query.TryGetValue("page", out var values)
                && values.Contains(page.ToString(CultureInfo.InvariantCulture)));

    private static Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds) => CapsWireMockFactory.WaitForAsync(condition, what, seconds);

    public void Dispose()
    {
        _platforms.Stop();
        _platforms.Dispose();
    }
}
