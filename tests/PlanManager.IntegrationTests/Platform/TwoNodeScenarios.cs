using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Caps;
using PlanManager.IntegrationTests.Claims360;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Caps;
using PlanManager.Web.Features.Claims360;
using PlanManager.Web.Infrastructure.Connectors;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PlanManager.IntegrationTests.Platform;

/// <summary>
/// Two app instances on one database and one platform stub, as two production nodes share one
/// server database: the protections are in the database (unique keys, conditional updates, row
/// locks), not in one process's memory. Run on SQLite (one writer at a time) and on PostgreSQL
/// (many writers at READ COMMITTED), each test on a fresh database of its own.
/// </summary>
public abstract class TwoNodeScenarios : IDisposable
{
    private readonly WireMockServer _platforms = WireMockServer.Start();
    private readonly TestDatabase _database;

    protected TwoNodeScenarios(DatabaseProvider provider) => _database = TestDatabase.New(provider);

    private sealed class NodeFactory(TestDatabase database, WireMockServer platforms) : CapsWireMockFactory(database, runServer: false, platforms)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Connectors:Claims360:BaseUrl", Platforms.Url + "/c360");
            builder.UseSetting("Connectors:Claims360:MaxRetries", "1");
        }
    }

    /// <summary>Two nodes, started one after the other (the first migrates and seeds, as the migrate step does in production).</summary>
    private (NodeFactory First, NodeFactory Second) StartNodes()
    {
        var first = new NodeFactory(_database, _platforms);
        _ = first.Services;
        var second = new NodeFactory(_database, _platforms);
        _ = second.Services;
        return (first, second);
    }

    protected async Task Sixty_jobs_created_at_once_on_two_nodes_get_sixty_consecutive_numbers()
    {
        var (first, second) = StartNodes();
        using var firstNode = first;
        using var secondNode = second;
        var staff = new[] { await SignedInAsync(first), await SignedInAsync(second) };
        var before = await first.WithDbAsync(db => db.Jobs.Select(j => (int?)j.Number).MaxAsync()) ?? 0;
        var forms = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => staff[i % 2].GetPageAsync("/jobs/new")));
        var repairer = await first.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync());

        var responses = await Task.WhenAll(forms.Select((form, i) => staff[i % 2].SubmitPageAsync(form, "/jobs/new", "#job-form", new Dictionary<string, string>
        {
            ["Form.RepairerId"] = repairer.ToString(CultureInfo.InvariantCulture),
            ["Form.Registration"] = $"SXT-{i:000}",
        }, "save")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var numbers = await first.WithDbAsync(db => db.Jobs.Where(j => j.RegistrationKey.StartsWith("SXT")).Select(j => j.Number).OrderBy(n => n)
            .ToListAsync());
        Assert.Equal(Enumerable.Range(before + 1, 60), numbers);
    }

    protected async Task A_claims360_import_run_on_two_nodes_at_once_gives_each_assignment_once()
    {
        var (first, second) = StartNodes();
        using var firstNode = first;
        using var secondNode = second;
        await first.SetQueueingOffAsync();
        var repairer = await first.AddBodyshopAsync("BE0777000111");
        var updated = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var assignments = Enumerable.Range(1, 30)
            .Select(i => Claims360Factory.Assignment((9_100_000 + i).ToString(CultureInfo.InvariantCulture), $"1TWO{i:000}", updated.AddMinutes(i))).ToArray();
        // A slow answer so both imports are surely in flight together.
        _platforms.Given(Request.Create().WithPath(Claims360Factory.Path("BE0777000111", "/assignments")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(TimeSpan.FromMilliseconds(400))
                .WithBody(JsonSerializer.Serialize(new { assignments, page = 1, hasMore = false })));

        await Task.WhenAll(ImportOn(first, repairer), ImportOn(second, repairer));

        var items = await first.WithDbAsync(db => db.Set<Claims360Item>().Where(i => i.RepairerId == repairer).Select(i => i.AssignmentNumber).ToListAsync());
        Assert.Equal(30, items.Count);
        Assert.Equal(30, items.Distinct().Count());
        var jobs = await first.WithDbAsync(db => db.Jobs.Where(j => j.RegistrationKey.StartsWith("1TWO")).Select(j => j.Number).ToListAsync());
        Assert.Equal(30, jobs.Count);
        Assert.Equal(30, jobs.Distinct().Count());
    }

    protected async Task A_caps_push_owed_is_sent_once_when_both_nodes_relay_at_once()
    {
        var (first, second) = StartNodes();
        using var firstNode = first;
        using var secondNode = second;
        first.PushesSucceed();
        var browser = await SignedInAsync(first);
        var aviva = await first.WithDbAsync(db => db.ThirdParties.Where(t => t.CapsCode == "AVIVA01").Select(t => t.Id).SingleAsync());
        var (id, number) = await CapsJobs.CreateAsync(first, browser, "TW22 NOD", "CLM-TWO-1", aviva);
        // The push is owed once the delay has passed (no Hangfire server runs here: only the relays below send).
        await CapsWireMockFactory.WaitForAsync(async () =>
        {
            var now = DateTimeOffset.UtcNow;
            return await first.WithDbAsync(db => db.CapsSyncStates.AnyAsync(s => s.JobId == id && s.DueAt != null && s.DueAt <= now));
        }, "the push to be due", 30);

        await Task.WhenAll(RelayOn(first), RelayOn(second), RelayOn(first), RelayOn(second));

        Assert.Single(first.PushesOf(number));
        Assert.NotNull((await first.WithDbAsync(db => db.CapsSyncStates.SingleAsync(s => s.JobId == id))).SyncedAt);
    }

    protected async Task Two_customers_booking_the_last_place_on_two_nodes_get_one_success()
    {
        var (first, second) = StartNodes();
        using var firstNode = first;
        using var secondNode = second;
        var id = await first.WithDbAsync(db => db.Repairers.Where(r => r.Name == "Autoschade Van Dijk").Select(r => r.Id).SingleAsync());
        await first.SetPortalCapacityAsync(id, 1);
        var customers = new[] { new HtmlClient(first.CreateBrowserLikeClient()), new HtmlClient(second.CreateBrowserLikeClient()) };
        // Each has its form (and antiforgery token) ready before both submit.
        var forms = await Task.WhenAll(customers.Select(c => c.GetPageAsync($"/portal/{id}/estimate")));
        var slot = forms[0].QuerySelectorAll("select[name='Form.Slot'] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v))
            .ElementAt(4)!;

        var responses = await Task.WhenAll(customers.Select((c, i) => BookEstimateAsync(c, id, forms[i], $"XX-0{i}-YY", slot)));

        Assert.Equal(1, responses.Count(r => r == HttpStatusCode.Redirect));
        Assert.Equal(1, responses.Count(r => r == HttpStatusCode.OK));
        Assert.Equal(1, await first.WithDbAsync(db => db.Appointments.CountAsync(a => a.RepairerId == id)));
    }

    protected async Task Two_staff_saving_the_same_job_on_two_nodes_get_one_save_and_one_clear_conflict()
    {
        var (first, second) = StartNodes();
        using var firstNode = first;
        using var secondNode = second;
        var staff = new[] { await SignedInAsync(first), await SignedInAsync(second) };
        var aviva = await first.WithDbAsync(db => db.ThirdParties.Where(t => t.CapsCode == "AVIVA01").Select(t => t.Id).SingleAsync());
        var (id, _) = await CapsJobs.CreateAsync(first, staff[0], "RC22 TWO", null, aviva);
        var pages = await Task.WhenAll(staff.Select(s => s.GetPageAsync($"/jobs/{id}")));
        var colours = new[] { "Red", "Green" };

        var responses = await Task.WhenAll(staff.Select((s, i) => s.SubmitPageAsync(pages[i], $"/jobs/{id}", "#job-form",
            new Dictionary<string, string> { ["Form.Colour"] = colours[i] }, "save")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("Someone else saved this job", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = colours[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Redirect)];
        Assert.Equal(saved, await first.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.Colour).SingleAsync()));
    }

    private static async Task<HtmlClient> SignedInAsync(PlanManagerFactory node)
    {
        var client = new HtmlClient(node.CreateBrowserLikeClient());
        await client.SignInAsync(DemoDataSeeder.StaffEmail);
        return client;
    }

    private static async Task<HttpStatusCode> BookEstimateAsync(HtmlClient client, int repairerId, AngleSharp.Html.Dom.IHtmlDocument page,
        string plate, string slot)
    {
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "#portal-appointment-form")),
            "__RequestVerificationToken" } };
        form.Add(new StringContent("Oliver Wright"), "Form.Name");
        form.Add(new StringContent("+44 7700 900123"), "Form.Phone");
        form.Add(new StringContent(plate), "Form.Registration");
        form.Add(new StringContent(slot), "Form.Slot");
        using var response = await client.Http.PostAsync($"/portal/{repairerId}/estimate", form);
        return response.StatusCode;
    }

    private static async Task ImportOn(PlanManagerFactory node, int repairer)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportClaims360>().ImportAsync(repairer, CancellationToken.None);
    }

    private static async Task RelayOn(PlanManagerFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CapsSyncRelay>().RunDueAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _platforms.Stop();
        _platforms.Dispose();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}

internal static class NodeSetup
{
    public static Task SetQueueingOffAsync(this PlanManagerFactory node) =>
        node.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Claims360)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Claims360Queueing, false)));

    public static Task SetPortalCapacityAsync(this PlanManagerFactory node, int repairerId, int capacity) => node.WithDbAsync(async db =>
    {
        var schedule = await db.AppointmentSchedules.SingleOrDefaultAsync(s => s.RepairerId == repairerId);
        if (schedule is null)
        {
            schedule = new AppointmentSchedule { RepairerId = repairerId };
            db.AppointmentSchedules.Add(schedule);
        }

        schedule.Capacity = capacity;
        await db.SaveChangesAsync();
    });

    /// <summary>A repairer with a Claims360 set-up, its keys encrypted with the shared key ring.</summary>
    public static async Task<int> AddBodyshopAsync(this PlanManagerFactory node, string carrosserieId)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<SecretProtector>();
        var now = DateTimeOffset.UtcNow;
        var repairer = new Repairer { Name = "Two nodes " + carrosserieId, Country = "BE", CreatedAt = now, UpdatedAt = now };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        db.Claims360Setups.Add(new Claims360Setup
        {
            RepairerId = repairer.Id,
            CarrosserieId = carrosserieId,
            ProtectedBodyshopKey = secrets.Protect("bk"),
            ProtectedPlanManagerKey = secrets.Protect("pk"),
            ConfiguredAt = now,
        });
        await db.SaveChangesAsync();
        return repairer.Id;
    }
}
