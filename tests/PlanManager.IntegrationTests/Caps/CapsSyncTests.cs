using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PlanManager.IntegrationTests.Caps;

/// <summary>Creates and edits jobs through the job screen, as staff do.</summary>
internal static class CapsJobs
{
    public static async Task<(int Id, int Number)> CreateAsync(PlanManagerFactory factory, HtmlClient browser, string plate, string? claim, int? insurerId)
    {
        var repairer = await factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync());
        var values = new Dictionary<string, string>
        {
            ["Form.RepairerId"] = repairer.ToString(CultureInfo.InvariantCulture),
            ["Form.Registration"] = plate,
            ["Form.Make"] = "Vauxhall",
            ["Form.Model"] = "Astra",
            ["Form.ClaimNumber"] = claim ?? string.Empty,
            ["Form.InsurerId"] = insurerId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
        using var response = await browser.SubmitAsync("/jobs/new", "#job-form", values, "save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        return (id, await factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.Number).SingleAsync()));
    }

    public static async Task EditAsync(HtmlClient browser, int id, IDictionary<string, string> values)
    {
        using var response = await browser.SubmitAsync($"/jobs/{id}", "#job-form", values, "save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

/// <summary>C1 with WireMock.Net as CAPS and the Hangfire server running (SyncDelay 2 s in tests).</summary>
[Collection(HeavyTests.Name)]
public sealed class CapsSyncTests : IClassFixture<CapsSyncFactory>, IAsyncLifetime
{
    private readonly CapsSyncFactory _factory;
    private readonly HtmlClient _browser;

    public CapsSyncTests(CapsSyncFactory factory)
    {
        _factory = factory;
        _browser = new HtmlClient(factory.CreateBrowserLikeClient());
    }

    public Task InitializeAsync() => _browser.SignInAsync(DemoDataSeeder.StaffEmail);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_eligible_job_is_pushed_once_after_the_delay_and_the_job_screen_says_when()
    {
        _factory.PushesSucceed();
        var aviva = await _factory.CapsInsurerIdAsync();

        var (id, number) = await CapsJobs.CreateAsync(_factory, _browser, "SY11 NCA", "CLM-SYNC-1", aviva);
        var planned = await _factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.CreatedAt).SingleAsync());

        await CapsWireMockFactory.WaitForAsync(() => Task.FromResult(_factory.PushesOf(number).Count > 0), "the push");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var push = Assert.Single(_factory.PushesOf(number));
        Assert.True(push.RequestMessage.DateTime >= planned.UtcDateTime.AddSeconds(2), "pushed before the delay");
        Assert.Contains("\"insurerCapsCode\":\"AVIVA01\"", push.RequestMessage.Body, StringComparison.Ordinal);
        Assert.Contains("\"claimNumber\":\"CLM-SYNC-1\"", push.RequestMessage.Body, StringComparison.Ordinal);
        Assert.Contains("\"registration\":\"SY11 NCA\"", push.RequestMessage.Body, StringComparison.Ordinal);

        await CapsWireMockFactory.WaitForAsync(
            async () => (await _factory.WithDbAsync(db => db.CapsSyncStates.SingleAsync(s => s.JobId == id))).SyncedAt is not null,
            "the sync state");
        var page = await _browser.GetPageAsync($"/jobs/{id}");
        Assert.StartsWith("Synced with CAPS at", page.QuerySelector("[data-testid=caps-sync-state]")!.TextContent.Trim(), StringComparison.Ordinal);
        var log = page.QuerySelector("[data-testid=job-log]")!.TextContent;
        Assert.Contains("CAPS sync planned", log, StringComparison.Ordinal);
        Assert.Contains("PUT job: ok", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_quick_edits_give_one_push_with_the_last_values()
    {
        _factory.PushesSucceed();
        var aviva = await _factory.CapsInsurerIdAsync();
        var (id, number) = await CapsJobs.CreateAsync(_factory, _browser, "SY22 NCA", "CLM-SYNC-2", aviva);

        foreach (var model in new[] { "Astra 1", "Astra 2", "Astra 3" })
        {
            await CapsJobs.EditAsync(_browser, id, new Dictionary<string, string> { ["Form.Model"] = model });
        }

        await CapsWireMockFactory.WaitForAsync(() => Task.FromResult(_factory.PushesOf(number).Count > 0), "the push");
        await Task.Delay(TimeSpan.FromSeconds(4));
        var push = Assert.Single(_factory.PushesOf(number));
        Assert.Contains("\"model\":\"Astra 3\"", push.RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_of_a_field_caps_does_not_receive_gives_no_new_push()
    {
        _factory.PushesSucceed();
        var aviva = await _factory.CapsInsurerIdAsync();
        var (id, number) = await CapsJobs.CreateAsync(_factory, _browser, "SY33 NCA", "CLM-SYNC-3", aviva);
        await CapsWireMockFactory.WaitForAsync(
            async () => (await _factory.WithDbAsync(db => db.CapsSyncStates.SingleAsync(s => s.JobId == id))).SyncedAt is not null,
            "the first push");

        await CapsJobs.EditAsync(_browser, id, new Dictionary<string, string> { ["Form.Colour"] = "Red" });
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Single(_factory.PushesOf(number));
        Assert.Null(await _factory.WithDbAsync(db => db.CapsSyncStates.Where(s => s.JobId == id).Select(s => s.DueAt).SingleAsync()));
    }

    [Fact]
    public async Task An_ineligible_job_is_not_pushed_and_the_job_screen_names_what_it_lacks()
    {
        _factory.PushesSucceed();

        var (id, number) = await CapsJobs.CreateAsync(_factory, _browser, "SY44 NCA", null, null);
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Empty(_factory.PushesOf(number));
        Assert.False(await _factory.WithDbAsync(db => db.CapsSyncStates.AnyAsync(s => s.JobId == id)));
        var page = await _browser.GetPageAsync($"/jobs/{id}");
        Assert.Equal("Not eligible: missing claim number, insurer.", page.QuerySelector("[data-testid=caps-sync-state]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_push_that_fails_with_503_is_retried_and_every_attempt_is_logged()
    {
        var aviva = await _factory.CapsInsurerIdAsync();
        var number = await _factory.WithDbAsync(db =>
            db.JobNumberCounters.Where(c => c.Name == JobNumberCounter.JobsName).Select(c => c.LastValue).SingleAsync()) + 1;
        var path = $"/caps/v1/jobs/{number}";

        // One push is two HTTP attempts (MaxRetries 1): the first push fails with 503 twice, the second push is answered.
        _factory.Platforms.Given(Request.Create().WithPath(path).UsingPut()).InScenario("busy").WillSetStateTo("still busy")
            .RespondWith(Response.Create().WithStatusCode(503));
        _factory.Platforms.Given(Request.Create().WithPath(path).UsingPut()).InScenario("busy").WhenStateIs("still busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(503));
        _factory.Platforms.Given(Request.Create().WithPath(path).UsingPut()).InScenario("busy").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"capsJobId\":\"C-9\"}"));

        var (id, created) = await CapsJobs.CreateAsync(_factory, _browser, "SY55 NCA", "CLM-SYNC-5", aviva);
        Assert.Equal(number, created);

        await CapsWireMockFactory.WaitForAsync(
            async () => (await _factory.WithDbAsync(db => db.CapsSyncStates.SingleAsync(s => s.JobId == id))).SyncedAt is not null,
            "the retried push");
        Assert.Equal(3, _factory.PushesOf(number).Count);
        var lines = await _factory.WithDbAsync(db => db.JobLog.Where(l => l.JobId == id && l.MessageKey == "JobLog.ConnectorCall").OrderBy(l => l.Id)
            .Select(l => new { l.Detail, l.Level }).ToListAsync());
        Assert.Equal(["PUT job|ServerError|HTTP 503", "PUT job|Ok|"], lines.Select(l => l.Detail));
        Assert.Equal([LogLevelKind.Error, LogLevelKind.Info], lines.Select(l => l.Level));
        var state = await _factory.WithDbAsync(db => db.CapsSyncStates.SingleAsync(s => s.JobId == id));
        Assert.Equal((0, null, null), (state.Attempts, state.LastError, state.DueAt));
    }
}

/// <summary>C1: the owed push is a row in the edit's transaction, so a restart between edit and push loses nothing.</summary>
public sealed class CapsSyncRestartTests
{
    [Fact]
    public async Task A_push_pending_when_the_app_stops_is_sent_after_it_starts_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "planmanager-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "planmanager.db");
        using var caps = WireMockServer.Start();
        caps.Given(Request.Create().WithPath(new WildcardMatcher("/caps/v1/jobs/*")).UsingPut())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"capsJobId\":\"C-1\"}"));
        int id;
        int number;
        try
        {
            // The first run has no background server: it stops with the push owed.
            using (var first = new CapsWireMockFactory(database, runServer: false, caps))
            {
                var browser = new HtmlClient(first.CreateBrowserLikeClient());
                await browser.SignInAsync(DemoDataSeeder.StaffEmail);
                (id, number) = await CapsJobs.CreateAsync(first, browser, "RS11 ART", "CLM-RESTART", await first.CapsInsurerIdAsync());
                Assert.NotNull(await first.WithDbAsync(db => db.CapsSyncStates.Where(s => s.JobId == id).Select(s => s.DueAt).SingleAsync()));
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.DoesNotContain(caps.LogEntries, e => e.RequestMessage.AbsolutePath == $"/caps/v1/jobs/{number}");

            using var second = new CapsWireMockFactory(database, runServer: true, caps);
            _ = second.Services;
            await CapsWireMockFactory.WaitForAsync(() => Task.FromResult(caps.LogEntries.Any(e => e.RequestMessage.AbsolutePath == $"/caps/v1/jobs/{number}")),
                "the push after the restart");
            await CapsWireMockFactory.WaitForAsync(
                async () => (await second.WithDbAsync(db => db.CapsSyncStates.SingleAsync(s => s.JobId == id))).SyncedAt is not null,
                "the sync state");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS on a slow machine.
            }
        }
    }
}
