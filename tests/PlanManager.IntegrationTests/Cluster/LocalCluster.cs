using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;

namespace PlanManager.IntegrationTests.Cluster;

/// <summary>
/// deploy/local-cluster.sh driven from a test: PostgreSQL, the migrate step, web-1, web-2, the
/// worker and nginx as real processes of the published app, on loopback ports of their own.
/// </summary>
public sealed class LocalCluster : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planmanager-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string> _environment;

    public LocalCluster(string platformsUrl, IEnumerable<string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // A port range of its own (nginx, three nodes, the sandbox, PostgreSQL), away from other engineers' 5080s and 55432s.
        Port = 18100 + (Random.Shared.Next(0, 80) * 10);
        Directory.CreateDirectory(_folder);
        var settingsFile = Path.Combine(_folder, "settings.env");
        File.WriteAllLines(settingsFile, settings);
        _environment = new Dictionary<string, string>
        {
            ["PLANMANAGER_CLUSTER_DIR"] = Path.Combine(_folder, "cluster"),
            ["PLANMANAGER_CLUSTER_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["PLANMANAGER_APP"] = Path.Combine(_folder, "app"),
            ["PLANMANAGER_PLATFORMS_URL"] = platformsUrl,
            ["PLANMANAGER_CLUSTER_DEMO"] = "1",
            ["PLANMANAGER_CLUSTER_SETTINGS"] = settingsFile,
        };
    }

    public int Port { get; }

    public Uri Proxy => new($"http://127.0.0.1:{Port}");

    public Uri Node(string name) =>
        new($"http://127.0.0.1:{Port + name switch { "web-1" => 1, "web-2" => 2, "worker" => 3, _ => throw new ArgumentOutOfRangeException(nameof(name)) }}");

    public string ConnectionString => $"Host=127.0.0.1;Port={Port + 5};Database=planmanager;Username=postgres";

    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PlanManager.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("PlanManager.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Publishes the app as built for this test run (no second build), then brings the cluster up.</summary>
    public async Task UpAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";
        await RunAsync("dotnet", ["publish", Path.Combine(RepositoryRoot, "src", "PlanManager.Web"), "-c", configuration, "--no-build", "-o",
            _environment["PLANMANAGER_APP"], "-nologo", "-v", "q"], TimeSpan.FromMinutes(5));
        await ScriptAsync(TimeSpan.FromMinutes(5), "up");
    }

    public Task StopAsync(string node, string signal) => ScriptAsync(TimeSpan.FromMinutes(1), "stop", node, signal);

    public Task StartAsync(string node) => ScriptAsync(TimeSpan.FromMinutes(3), "start", node);

    public PlanManagerDbContext Db() =>
        new PostgreSqlPlanManagerDbContext(new DbContextOptionsBuilder<PostgreSqlPlanManagerDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task<T> WithDbAsync<T>(Func<PlanManagerDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = Db();
        return await query(db);
    }

    private Task ScriptAsync(TimeSpan timeout, params string[] args) =>
        RunAsync("bash", [Path.Combine(RepositoryRoot, "deploy", "local-cluster.sh"), .. args], timeout);

    private async Task RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} took longer than {timeout}: {await output}{await errors}{LogTails()}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await output}{await errors}{LogTails()}");
        }
    }

    /// <summary>The end of every node's log, for a failure message.</summary>
    public string LogTails()
    {
        var logs = Path.Combine(_environment["PLANMANAGER_CLUSTER_DIR"], "logs");
        if (!Directory.Exists(logs))
        {
            return string.Empty;
        }

        return string.Concat(Directory.EnumerateFiles(logs).Select(f => $"\n--- {Path.GetFileName(f)}\n" + string.Join('\n', File.ReadLines(f).TakeLast(15))));
    }

    public void Dispose()
    {
        try
        {
            ScriptAsync(TimeSpan.FromMinutes(2), "down").GetAwaiter().GetResult();
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>
/// A test of the local cluster. Without nginx and PostgreSQL from Debian it reports itself
/// skipped with the reason, except where PLANMANAGER_REQUIRE_POSTGRES=1 (CI): there it fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        var installed = File.Exists("/usr/sbin/nginx") && Directory.Exists("/usr/lib/postgresql");
        if (!installed && !TestDatabase.PostgresRequired)
        {
            Skip = "The local cluster needs nginx and postgresql from Debian (apt-get install nginx postgresql); "
                + $"set {TestDatabase.RequirePostgresVariable}=1 to make this a failure. .ci/run installs both.";
        }
    }
}
