using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Caps;
using PlanManager.IntegrationTests.Claims360;
using PlanManager.IntegrationTests.Infrastructure;
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
/// SQL Server: the protections are in the database (unique keys, conditional claims), not in
/// one process's memory, so a concurrent import or relay on both gives no duplicates.
/// </summary>
public sealed class TwoNodeTests : IDisposable
{
    private readonly WireMockServer _platforms = WireMockServer.Start();

    private sealed class NodeFactory(string? databasePath, WireMockServer platforms) : CapsWireMockFactory(databasePath, runServer: false, platforms)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Connectors:Claims360:BaseUrl", Platforms.Url + "/c360");
            builder.UseSetting("Connectors:Claims360:MaxRetries", "1");
        }
    }

    [Fact]
    public async Task A_claims360_import_run_on_two_nodes_at_once_gives_each_assignment_once()
    {
        using var first = new NodeFactory(null, _platforms);
        using var second = new NodeFactory(first.DatabasePath, _platforms);
        _ = first.CreateClient();
        _ = second.CreateClient();
        await first.SetQueueingOffAsync();
        var repairer = await first.AddBodyshopAsync("BE0777000111");
        var updated = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var assignments = Enumerable.Range(1, 30).Select(i => Claims360Factory.Assignment((9_100_000 + i).ToString(CultureInfo.InvariantCulture), $"1TWO{i:000}", updated.AddMinutes(i))).ToArray();
        // A slow answer so both imports are surely in flight together.
        _platforms.Given(Request.Create().WithPath(Claims360Factory.Path("BE0777000111", "/assignments")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(TimeSpan.FromMilliseconds(400))
                .WithBody(JsonSerializer.Serialize(new { assignments, page = 1, hasMore = false })));

        await Task.WhenAll(ImportOn(first, repairer), ImportOn(second, repairer));

        var items = await first.WithDbAsync(db => db.Set<Claims360Item>().Where(i => i.RepairerId == repairer).Select(i => i.AssignmentNumber).ToListAsync());
        Assert.Equal(30, items.Count);
        Assert.Equal(30, items.Distinct().Count());
        var jobs = await first.WithDbAsync(db => db.Jobs.Where(j => j.RegistrationKey.StartsWith("1TWO")).Select(j => j.RegistrationKey).ToListAsync());
        Assert.Equal(30, jobs.Count);
        Assert.Equal(30, jobs.Distinct().Count());
    }

    [Fact]
    public async Task A_caps_push_owed_is_sent_once_when_both_nodes_relay_at_once()
    {
        using var first = new NodeFactory(null, _platforms);
        using var second = new NodeFactory(first.DatabasePath, _platforms);
        first.PushesSucceed();
        var browser = new HtmlClient(first.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.StaffEmail);
        _ = second.CreateClient();
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
    }
}

internal static class NodeSetup
{
    public static Task SetQueueingOffAsync(this PlanManagerFactory node) =>
        node.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Claims360).ExecuteUpdateAsync(s => s.SetProperty(c => c.Claims360Queueing, false)));

    /// <summary>A repairer with a Claims360 set-up, its keys encrypted with the shared key ring.</summary>
    public static async Task<int> AddBodyshopAsync(this PlanManagerFactory node, string carrosserieId)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManager.Web.Data.PlanManagerDbContext>();
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
