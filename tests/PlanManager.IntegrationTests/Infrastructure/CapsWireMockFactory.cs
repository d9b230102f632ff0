using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Caps;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>
/// The app with WireMock.Net playing CAPS (under /caps) and AudatexUK (under /audatex), with
/// short delays so the CAPS sync (C1) can be watched in a test.
/// </summary>
public class CapsWireMockFactory : PlanManagerFactory
{
    private readonly string? _databasePath;
    private readonly bool _runServer;
    private readonly bool _ownsPlatforms;

    /// <summary>For a restart: a second app on the same database file and the same CAPS.</summary>
    public CapsWireMockFactory(string? databasePath, bool runServer, WireMockServer platforms)
    {
        _databasePath = databasePath;
        _ownsPlatforms = databasePath is null;
        _runServer = runServer;
        Platforms = platforms;
    }

    /// <summary>One node on a database that other nodes share, with platforms the test owns.</summary>
    public CapsWireMockFactory(TestDatabase shared, bool runServer, WireMockServer platforms)
        : base(shared)
    {
        _runServer = runServer;
        _ownsPlatforms = false;
        Platforms = platforms;
    }

    public WireMockServer Platforms { get; }

    public string Database => _databasePath ?? DatabasePath;

    protected override bool RunBackgroundServer => _runServer;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_databasePath is not null)
        {
            builder.UseSetting("Database:ConnectionString", $"Data Source={_databasePath}");
        }

        builder.UseSetting("Connectors:Caps:BaseUrl", Platforms.Url + "/caps");
        builder.UseSetting("Connectors:AudatexUk:BaseUrl", Platforms.Url + "/audatex");
        // Long enough that a loaded CI machine does not time out a slow answer and send it again (a retried PUT is two
        // requests in WireMock's log, which the "sent once" tests would count); no test here waits on a timeout.
        builder.UseSetting("Connectors:Caps:AttemptTimeout", "00:00:10");
        builder.UseSetting("Connectors:Caps:MaxRetries", "1");
        builder.UseSetting("Connectors:AudatexUk:MaxRetries", "1");
        builder.UseSetting("Connectors:Caps:SyncDelay", "00:00:02");
        builder.UseSetting("Connectors:Caps:SyncRetryDelay", "00:00:01");
        builder.UseSetting("BackgroundJobs:SchedulePollingInterval", "00:00:01");
    }

    /// <summary>CAPS answers every job push with 200.</summary>
    public void PushesSucceed() =>
        Platforms.Given(Request.Create().WithPath(new WildcardMatcher("/caps/v1/jobs/*")).UsingPut())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"capsJobId\":\"C-1\",\"receivedAt\":\"2026-11-23T10:00:00Z\"}"));

    public IReadOnlyList<WireMock.Logging.ILogEntry> PushesOf(int jobNumber) =>
        Platforms.LogEntries.Where(e => e.RequestMessage.Method == "PUT" && e.RequestMessage.AbsolutePath == $"/caps/v1/jobs/{jobNumber}").ToList();

    /// <summary>Waits until <paramref name="condition"/> holds (background work on a busy machine), or fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 120)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Waited {seconds} s for: {what}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>An insurer with a CAPS code, as the demo seed has it (Aviva, AVIVA01).</summary>
    public Task<int> CapsInsurerIdAsync() =>
        WithDbAsync(db => db.ThirdParties.Where(t => t.Kind == ThirdPartyKind.Insurer && t.CapsCode == "AVIVA01").Select(t => t.Id).FirstAsync());

    /// <summary>An eligible UK job, inside, whose current payload CAPS has accepted (as the relay records it): nothing is owed.</summary>
    public async Task<int> SyncedUkJobAsync(string plate, int? insurerId = null, string? claim = "CLM-SYNCED")
    {
        var insurer = insurerId ?? await CapsInsurerIdAsync();
        return await WithDbAsync(async db =>
        {
            var uk = await db.Repairers.Where(r => r.Country == "GB").Select(r => r.Id).FirstAsync();
            var job = new JobBuilder().Repairer(uk).Plate(plate).Make("Vauxhall", "Astra").Claim(claim)
                .Insurer(await db.ThirdParties.SingleAsync(t => t.Id == insurer)).Inside().Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            var state = await db.CapsSyncStates.SingleOrDefaultAsync(s => s.JobId == job.Id);
            if (state is not null)
            {
                state.SyncedHash = CapsPushPayload.Hash(CapsPushPayload.From(job));
                state.SyncedAt = DateTimeOffset.UtcNow;
                state.DueAt = null;
                await db.SaveChangesAsync();
            }

            return job.Id;
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsPlatforms)
        {
            Platforms.Stop();
            Platforms.Dispose();
        }
    }
}

/// <summary>For the queue pages: no background server.</summary>
public sealed class CapsQueueFactory() : CapsWireMockFactory((string?)null, false, WireMockServer.Start());

/// <summary>The same, with the Hangfire server running so pushes are relayed.</summary>
public sealed class CapsSyncFactory() : CapsWireMockFactory((string?)null, true, WireMockServer.Start());
