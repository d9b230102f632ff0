using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PlanManager.IntegrationTests.Security;

/// <summary>
/// The app as a real process, killed with SIGKILL between an edit and its CAPS push, then
/// started again on the same database file: the push owed is a row, so it arrives, once.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class CrashRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planmanager-crash", Guid.NewGuid().ToString("N"));
    private readonly WireMockServer _caps = WireMockServer.Start();
    private readonly int _port = FreePort();

    public CrashRestartTests()
    {
        Directory.CreateDirectory(_folder);
        _caps.Given(Request.Create().WithPath(new WildcardMatcher("/caps/v1/jobs/*")).UsingPut())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"capsJobId\":\"C-1\"}"));
    }

    [Fact]
    public async Task A_push_owed_when_the_process_is_killed_arrives_once_after_a_restart()
    {
        var first = Start();
        int number;
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false,
                CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
            await WaitForHealthAsync(http);
            var browser = new HtmlClient(http);
            await browser.SignInAsync(DemoDataSeeder.StaffEmail);
            var (repairer, aviva) = await LookupAsync();
            using var created = await browser.SubmitAsync("/jobs/new", "#job-form", new Dictionary<string, string>
            {
                ["Form.RepairerId"] = repairer,
                ["Form.Registration"] = "KL11 CRH",
                ["Form.Make"] = "Ford",
                ["Form.ClaimNumber"] = "CLM-CRASH-1",
                ["Form.InsurerId"] = aviva,
            }, "save");
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            number = await JobNumberAsync("KL11CRH");
        }
        finally
        {
            // SIGKILL: no shutdown, no flush, Hangfire's in-memory schedule is gone.
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        Assert.Empty(PushesOf(number));

        var second = Start();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (PushesOf(number).Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }

            Assert.Single(PushesOf(number));
            // And it stays one: nothing sends it again.
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Single(PushesOf(number));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_claims360_import_killed_half_way_is_completed_by_the_next_run_without_duplicates()
    {
        const string bodyshop = "0456123789";
        const int pages = 5;
        var updated = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        for (var page = 1; page <= pages; page++)
        {
            var assignments = Enumerable.Range(((page - 1) * 50) + 1, 50)
                .Select(i => Claims360.Claims360Factory.Assignment((7_700_000 + i).ToString(CultureInfo.InvariantCulture), $"1KIL{i:000}",
                    updated.AddMinutes(i)))
                .ToArray();
            _caps.Given(Request.Create().WithPath($"/c360/v1/bodyshops/{bodyshop}/assignments")
                .WithParam("page", page.ToString(CultureInfo.InvariantCulture)).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(TimeSpan.FromMilliseconds(1500))
                    .WithBody(System.Text.Json.JsonSerializer.Serialize(new { assignments, page, hasMore = page < pages })));
        }

        var first = Start();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false,
                CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromMinutes(2) };
            await WaitForHealthAsync(http);
            var browser = new HtmlClient(http);
            await browser.SignInAsync(DemoDataSeeder.StaffEmail);
            var repairer = await ScalarAsync($"SELECT RepairerId FROM Claims360Setups WHERE CarrosserieId = '{bodyshop}'");
            // The refresh starts the import in the background: start it, and kill the process while it reads the pages.
            _ = browser.SubmitAsync($"/claims360?repairer={repairer}", "form[action^='/claims360/refresh']", new Dictionary<string, string>());
            // Generous: a cold start (JIT, migrations) on a busy two-core runner has taken over a minute.
        var deadline = DateTime.UtcNow.AddSeconds(180);
            while (PageRequests(bodyshop) < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(PageRequests(bodyshop) >= 3, "the import never got going");
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var afterKill = await ScalarAsync("SELECT COUNT(*) FROM Claims360Items");
        Assert.True(afterKill < pages * 50, $"the import finished before the kill ({afterKill} items)");

        var second = Start();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false,
                CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromMinutes(2) };
            await WaitForHealthAsync(http);
            var browser = new HtmlClient(http);
            await browser.SignInAsync(DemoDataSeeder.StaffEmail);
            var repairer = await ScalarAsync($"SELECT RepairerId FROM Claims360Setups WHERE CarrosserieId = '{bodyshop}'");
            using var refreshed = await browser.SubmitAsync($"/claims360?repairer={repairer}", "form[action^='/claims360/refresh']",
                new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, refreshed.StatusCode);

            // The import killed half-way is not "running" for ever, nor joined: the new click runs a new import to its end.
            var id = ProgressFollower.ProgressId(refreshed);
            var deadline = DateTime.UtcNow.AddSeconds(120);
            System.Text.Json.JsonElement progress;
            while (!(progress = await ProgressFollower.PollAsync(http, id)).GetProperty("ended").GetBoolean() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            // What the killed run saved is unchanged the second time: only the rest is new.
            Assert.Equal($"Import done: {(pages * 50) - afterKill} new or changed assignments.", progress.GetProperty("message").GetString());
            var killed = await ProgressFollower.PollAsync(http, id - 1);
            Assert.Equal(("failed", true), (killed.GetProperty("state").GetString(), killed.GetProperty("ended").GetBoolean()));
            Assert.StartsWith("This work stopped before it ended", killed.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(pages * 50, await ScalarAsync("SELECT COUNT(*) FROM Claims360Items"));
            Assert.Equal(pages * 50, await ScalarAsync("SELECT COUNT(DISTINCT AssignmentNumber) FROM Claims360Items"));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private int PageRequests(string bodyshop) =>
        _caps.LogEntries.Count(e => e.RequestMessage.AbsolutePath == $"/c360/v1/bodyshops/{bodyshop}/assignments");

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "planmanager.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private List<WireMock.Logging.ILogEntry> PushesOf(int number) =>
        _caps.LogEntries.Where(e => e.RequestMessage.Method == "PUT" && e.RequestMessage.AbsolutePath == $"/caps/v1/jobs/{number}").ToList();

    private Process Start()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "PlanManager.Web", "bin", Configuration(), "net10.0");
        var start = new ProcessStartInfo("dotnet", Path.Combine(web, "PlanManager.Web.dll"))
        {
            WorkingDirectory = web,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Testing";
        env["Security__AllowPlainHttp"] = "true";
        env["Urls"] = $"http://127.0.0.1:{_port}";
        env["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "planmanager.db")}";
        env["Demo__Seed"] = "true";
        env["Demo__Jobs"] = "0";
        env["Sandbox__Enabled"] = "false";
        env["LogOutput__File"] = Path.Combine(_folder, "logs", "app-.log");
        env["Photos__Folder"] = Path.Combine(_folder, "photos");
        env["Connectors__Caps__BaseUrl"] = _caps.Url + "/caps";
        env["Connectors__Claims360__BaseUrl"] = _caps.Url + "/c360";
        env["Connectors__Claims360__MaxRetries"] = "1";
        env["Connectors__Claims360__AttemptTimeout"] = "00:00:10";
        env["Connectors__Claims360__ImportCron"] = "0 0 1 1 *";
        env["Connectors__Caps__SyncDelay"] = "00:00:05";
        env["Connectors__Caps__MaxRetries"] = "1";
        env["BackgroundJobs__RunServer"] = "true";
        env["BackgroundJobs__SchedulePollingInterval"] = "00:00:01";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        // Generous: a cold start (JIT, migrations) on a busy two-core runner has taken over a minute.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the app did not start within 180 seconds");
    }

    private async Task<(string Repairer, string Aviva)> LookupAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "planmanager.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT Id FROM Repairers ORDER BY Name LIMIT 1), (SELECT Id FROM ThirdParties WHERE CapsCode = 'AVIVA01')";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0).ToString(CultureInfo.InvariantCulture), reader.GetInt32(1).ToString(CultureInfo.InvariantCulture));
    }

    private async Task<int> JobNumberAsync(string registrationKey)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "planmanager.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Number FROM Jobs WHERE RegistrationKey = $key";
        command.Parameters.AddWithValue("$key", registrationKey);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanManager.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PlanManager.sln not found");
    }

    public void Dispose()
    {
        _caps.Stop();
        _caps.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }
}
