using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Claims360;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Claims360;
using PlanManager.Web.Features.Progress;
using PlanManager.Web.Features.Workshop;
using PlanManager.Tests.Builders;

namespace PlanManager.IntegrationTests.Progress;

/// <summary>Long work runs in the background with its progress (issue 23, decision 0016), with real Hangfire in-memory jobs.</summary>
public sealed class BackgroundProgressTests(Claims360WorkerFactory factory) : IClassFixture<Claims360WorkerFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly HtmlClient _browser = new(factory.CreateBrowserLikeClient());

    public async Task InitializeAsync()
    {
        await factory.SetQueueingAsync(false);
        await _browser.SignInAsync(DemoDataSeeder.StaffEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> RefreshAsync(int repairer) =>
        _browser.SubmitAsync($"/claims360?repairer={repairer}", "form[action^='/claims360/refresh']", new Dictionary<string, string>());

    private static object[] Assignments(string prefix, int from, int count) =>
        Enumerable.Range(from, count).Select(n => Claims360Factory.Assignment($"{prefix}-{n:000}", $"1{prefix}{n:000}", T0.AddMinutes(n))).ToArray();

    private Task<int> ItemsAsync(int repairer) => factory.WithDbAsync(db => db.Claims360Items.CountAsync(i => i.RepairerId == repairer));

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what) => await CapsWireMockFactory.WaitForAsync(condition, what, 60);

    [Fact]
    public async Task Refresh_returns_before_the_import_ends_and_the_bar_follows_it_to_the_count()
    {
        var repairer = await factory.AddBodyshopAsync("BE0230000001");
        using var gate = new SemaphoreSlim(0);
        factory.GivenAssignments("BE0230000001", Assignments("PRA", 1, 3), Assignments("PRA", 4, 2));
        factory.GivenHeldPage("BE0230000001", 2, hasMore: false, gate, Assignments("PRA", 4, 2));

        using var refreshed = await RefreshAsync(repairer);

        // The request came back while page 2 is still held: the first page is in, the second is not.
        var id = ProgressFollower.ProgressId(refreshed);
        await WaitForAsync(async () => (await ProgressFollower.PollAsync(_browser.Http, id)).GetProperty("done").GetInt32() == 3, "page 1 reported");
        var running = await ProgressFollower.PollAsync(_browser.Http, id);
        Assert.Equal(("running", false), (running.GetProperty("state").GetString(), running.GetProperty("ended").GetBoolean()));
        Assert.Equal("Reading the Claims360 assignments: 3 read", running.GetProperty("step").GetString());
        Assert.InRange(running.GetProperty("percent").GetInt32(), 1, 99);
        Assert.Equal(3, await ItemsAsync(repairer));

        // The page shows the bar (announced, and refreshing itself without script).
        var page = await _browser.GetPageAsync(refreshed.Headers.Location!.OriginalString);
        var bar = page.QuerySelector("[data-testid=progress] [role=progressbar]")!;
        Assert.Equal(running.GetProperty("percent").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), bar.GetAttribute("aria-valuenow"));
        Assert.Contains("3 read", page.QuerySelector("[data-testid=progress] [aria-live=polite]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\"", page.Head!.InnerHtml, StringComparison.Ordinal);

        gate.Release(10);
        var done = await ProgressFollower.FollowAsync(_browser, refreshed);
        Assert.Equal("Import done: 5 new or changed assignments.", done.QuerySelector("[role=status][data-testid=progress-outcome]")!.TextContent.Trim());
        Assert.DoesNotContain("http-equiv=\"refresh\"", done.Head!.InnerHtml, StringComparison.Ordinal);
        var ended = await ProgressFollower.PollAsync(_browser.Http, id);
        Assert.Equal(("succeeded", 100), (ended.GetProperty("state").GetString(), ended.GetProperty("percent").GetInt32()));
        Assert.Equal(5, await ItemsAsync(repairer));
        // The jobs the import opened are logged in the name of who pressed Refresh, as when it ran in the request.
        Assert.Equal([DemoDataSeeder.StaffEmail], await factory.WithDbAsync(db => db.JobLog
            .Where(l => db.Jobs.Any(j => j.Id == l.JobId && j.RepairerId == repairer))
            .Select(l => l.UserName).Distinct().ToListAsync()));
    }

    [Fact]
    public async Task Two_clicks_on_refresh_follow_one_import()
    {
        var repairer = await factory.AddBodyshopAsync("BE0230000002");
        using var gate = new SemaphoreSlim(0);
        factory.GivenAssignments("BE0230000002", Assignments("PRB", 1, 2));
        factory.GivenHeldPage("BE0230000002", 1, hasMore: false, gate, Assignments("PRB", 1, 2));

        using var first = await RefreshAsync(repairer);
        var id = ProgressFollower.ProgressId(first);
        await WaitForAsync(async () => (await ProgressFollower.PollAsync(_browser.Http, id)).GetProperty("state").GetString() == "running", "the import runs");
        using var second = await RefreshAsync(repairer);

        Assert.Equal(id, ProgressFollower.ProgressId(second));
        gate.Release(10);
        Assert.Equal("Import done: 2 new or changed assignments.", await ProgressFollower.OutcomeAsync(_browser, second));
        Assert.Equal(1, factory.RequestsTo(Claims360Factory.Path("BE0230000002", "/assignments")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.WorkProgress
            .CountAsync(w => w.Kind == nameof(RefreshClaims360) && w.Arguments.Contains($":{repairer}}}"))));

        // Once it has ended, a click starts a new import.
        using var third = await RefreshAsync(repairer);
        Assert.NotEqual(id, ProgressFollower.ProgressId(third));
        Assert.Equal("Import done: 0 new or changed assignments.", await ProgressFollower.OutcomeAsync(_browser, third));
    }

    [Fact]
    public async Task A_failed_import_ends_its_record_with_the_message_of_today()
    {
        var repairer = await factory.AddBodyshopAsync("BE0230000003");
        // No page answers with this bodyshop's keys: the platform refuses them (401).
        factory.GivenAssignments("BE0230000003");

        using var refreshed = await RefreshAsync(repairer);

        var page = await ProgressFollower.FollowAsync(_browser, refreshed);
        Assert.Equal("The import failed: Unauthorized (HTTP 401)", page.QuerySelector("[role=alert][data-testid=progress-outcome]")!.TextContent.Trim());
        var row = await factory.WithDbAsync(db => db.WorkProgress.AsNoTracking().SingleAsync(w => w.Id == ProgressFollower.ProgressId(refreshed)));
        Assert.Equal((WorkState.Failed, (string?)null, 1), (row.State, row.ActiveKey, row.Attempts));
        Assert.NotNull(row.EndedAt);
    }

    [Fact]
    public async Task Work_whose_worker_died_half_way_is_ended_when_read_and_by_the_sweep_and_a_new_click_starts_afresh()
    {
        var repairer = await factory.AddBodyshopAsync("BE0230000004");
        factory.GivenAssignments("BE0230000004", Assignments("PRD", 1, 4));
        var now = DateTimeOffset.UtcNow;
        WorkProgress Row(WorkState state, DateTimeOffset lease, string? key = null, string? job = null) => new()
        {
            Kind = nameof(RefreshClaims360), Arguments = $"{{\"repairerId\":{repairer}}}", ActiveKey = key, State = state, Done = 200, Total = 400,
            StepKey = ImportClaims360.ReadingStep, StartedBy = DemoDataSeeder.StaffEmail, StartedAt = now.AddMinutes(-5), LeaseUntil = lease,
            Attempts = state == WorkState.Running ? 1 : 0, BackgroundJobId = job,
        };
        // A worker killed half-way (its lease ran out), one whose in-memory job went with its process, one queued that no worker took up.
        var killed = Row(WorkState.Running, now.AddMinutes(-1), key: $"{nameof(RefreshClaims360)}:{repairer}");
        var jobGone = Row(WorkState.Running, now.AddMinutes(5), job: "no-such-job");
        var neverStarted = Row(WorkState.Queued, now.AddMinutes(-1));
        await factory.WithDbAsync(async db =>
        {
            db.WorkProgress.AddRange(killed, jobGone, neverStarted);
            await db.SaveChangesAsync();
        });

        var read = await ProgressFollower.PollAsync(_browser.Http, killed.Id);
        Assert.Equal(("failed", true), (read.GetProperty("state").GetString(), read.GetProperty("ended").GetBoolean()));
        Assert.Equal("This work stopped before it ended: the server running it was restarted. What was done is kept; start it again to finish it.",
            read.GetProperty("message").GetString());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<BackgroundWorks>().SweepAsync(CancellationToken.None));
        }

        var rows = await factory.WithDbAsync(db => db.WorkProgress.AsNoTracking().Where(w => w.Id == killed.Id || w.Id == jobGone.Id || w.Id == neverStarted.Id)
            .OrderBy(w => w.Id).Select(w => new { w.State, w.OutcomeKey, w.ActiveKey }).ToListAsync());
        Assert.Equal([(WorkState.Failed, BackgroundWorks.Stopped), (WorkState.Failed, BackgroundWorks.Stopped), (WorkState.Failed, BackgroundWorks.NotStarted)],
            rows.Select(r => (r.State, r.OutcomeKey!)));
        Assert.All(rows, r => Assert.Null(r.ActiveKey));
        var page = await _browser.GetPageAsync($"/claims360?repairer={repairer}&progress={neverStarted.Id}");
        Assert.Contains("did not start", page.QuerySelector("[role=alert][data-testid=progress-outcome]")!.TextContent, StringComparison.Ordinal);

        // The dead import does not hold the repairer: Refresh starts a new one that ends.
        using var refreshed = await RefreshAsync(repairer);
        Assert.NotEqual(killed.Id, ProgressFollower.ProgressId(refreshed));
        Assert.Equal("Import done: 4 new or changed assignments.", await ProgressFollower.OutcomeAsync(_browser, refreshed));
    }

    [Fact]
    public async Task Work_that_throws_ends_failed_with_a_message_and_keeps_how_far_it_got()
    {
        WorkTicket started;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            started = await scope.ServiceProvider.GetRequiredService<BackgroundWorks>()
                .StartAsync<Claims360WorkerFactory.BrokenWork>(new Claims360WorkerFactory.BrokenWork.Arguments(3, 8), "broken", CancellationToken.None);
        }

        await WaitForAsync(async () => (await ProgressFollower.PollAsync(_browser.Http, started.Id)).GetProperty("ended").GetBoolean(), "the work ended");
        var ended = await ProgressFollower.PollAsync(_browser.Http, started.Id);
        Assert.Equal(("failed", 3, 8), (ended.GetProperty("state").GetString(), ended.GetProperty("done").GetInt32(), ended.GetProperty("total").GetInt32()));
        Assert.StartsWith("This work failed with an unexpected error", ended.GetProperty("message").GetString(), StringComparison.Ordinal);
        var row = await factory.WithDbAsync(db => db.WorkProgress.AsNoTracking().SingleAsync(w => w.Id == started.Id));
        Assert.Equal((JobLogWriterSystem, (string?)null, 1), (row.StartedBy, row.ActiveKey, row.Attempts));
    }

    private const string JobLogWriterSystem = PlanManager.Web.Infrastructure.JobLogWriter.System;

    [Fact]
    public async Task Progress_of_work_that_does_not_exist_is_not_found()
    {
        using var response = await _browser.Http.GetAsync(new Uri("/progress/987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await _browser.GetPageAsync("/claims360?progress=987654");
        Assert.Null(page.QuerySelector("[data-testid=progress]"));
    }

    private async Task<HttpResponseMessage> MarkOffSiteAsync(IEnumerable<int> ids)
    {
        var page = await _browser.GetPageAsync("/workshop/vehicles-inside");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", HtmlClient.Token(page, "#off-site-form")) };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("selected", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var content = new FormUrlEncodedContent(fields);
        return await _browser.Http.PostAsync(new Uri("/workshop/vehicles-inside/off-site", UriKind.Relative), content);
    }

    [Fact]
    public async Task Marking_many_cars_off_site_runs_in_the_background_and_a_handful_at_once()
    {
        var repairer = await factory.AddBodyshopAsync("BE0230000005");
        var ids = await factory.WithDbAsync(async db =>
        {
            var jobs = Enumerable.Range(1, 40).Select(n => new JobBuilder().Number(923_000 + n).Repairer(repairer).Status(JobStatus.InRepair)
                .Plate($"1OFF{n:000}").InsideSince(DateTimeOffset.UtcNow.AddDays(-2)).Build()).ToList();
            db.Jobs.AddRange(jobs);
            await db.SaveChangesAsync();
            return jobs.Select(j => j.Id).ToList();
        });

        using var many = await MarkOffSiteAsync(ids.Take(MarkVehiclesOffSite.ImmediateLimit + 20));
        Assert.Equal("30 car(s) marked off site.", await ProgressFollower.OutcomeAsync(_browser, many));
        using var few = await MarkOffSiteAsync(ids.Skip(30).Take(MarkVehiclesOffSite.ImmediateLimit));

        // Ten cars are marked in the request, as before: no progress to follow.
        Assert.DoesNotContain("progress=", few.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Jobs.CountAsync(j => ids.Contains(j.Id) && j.VehicleIn)));
        var log = await factory.WithDbAsync(db => db.JobLog.Where(l => ids.Contains(l.JobId) && l.MessageKey == "JobLog.OffSite")
            .Select(l => l.UserName).ToListAsync());
        Assert.Equal(40, log.Count);
        Assert.All(log, user => Assert.Equal(DemoDataSeeder.StaffEmail, user));
        var work = await factory.WithDbAsync(db => db.WorkProgress.AsNoTracking().SingleAsync(w => w.Id == ProgressFollower.ProgressId(many)));
        Assert.Equal((WorkState.Succeeded, 30, 30), (work.State, work.Done, work.Total!.Value));
    }
}
