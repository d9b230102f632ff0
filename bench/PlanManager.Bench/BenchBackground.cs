using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Sandbox;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Caps;
using PlanManager.Web.Features.Claims360;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Bench;

/// <summary>
/// The background scenarios of the benchmarks, run in-process with the app's own services against
/// the bench database while the bench app serves the sandbox over HTTP (Connectors:*:BaseUrl):
/// a Claims360 import of one repairer's assignments, the same import again (the recurring run, then
/// a full re-read of every assignment), a CAPS relay of 1,000 due pushes, and a second repairer's import with
/// queueing off (every assignment a job, the dossiers' photos copied, then all read again). "Rows written" is
/// counted by temporary SQLite triggers on every table, so it includes whatever any code path writes.
/// The job list's exports at full size run first (<see cref="BenchExports"/>).
/// </summary>
internal static partial class BenchBackground
{
    public const int CapsPushes = 1000;
    private const string CounterTable = "BenchRowWrites";

    public sealed record Result(string Scenario, double Seconds, long RowsWritten, string Detail);

    /// <summary>The scenario groups, by the names of their scenarios; a filter runs each group one of whose names contains it.</summary>
    private static readonly string[] ExportNames = ["Job list export"];
    private static readonly string[] QueueingOnNames = ["Claims360 import (queueing on", "Claims360 import again", "Claims360 full re-read"];
    private static readonly string[] CapsNames = ["CAPS relay"];
    private static readonly string[] QueueingOffNames = ["Claims360 import, queueing off", "Claims360 dossier photos copied"];

    /// <param name="filter">Runs only the groups of scenarios whose name contains it (case-insensitive), e.g. "claims360"; null runs all.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string outputPath, string? filter, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        bool Runs(string[] names) => filter is null || names.Any(n => n.Contains(filter, StringComparison.OrdinalIgnoreCase));

        // The exports first: the process's peak memory after them is theirs alone (decision 0022).
        var results = new List<Result>(Runs(ExportNames) ? await BenchExports.RunAsync(services, cancellationToken) : []);
        int repairerId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
            repairerId = await ConfigureConnectorsAsync(db, scope.ServiceProvider, cancellationToken);
            await InstallCountersAsync(db, cancellationToken);
        }

        try
        {
            if (Runs(QueueingOnNames))
            {
                await QueueingOnAsync(services, repairerId, results, cancellationToken);
            }

            if (Runs(CapsNames))
            {
                results.Add(await CapsRelayAsync(services, cancellationToken));
            }

            if (Runs(QueueingOffNames))
            {
                results.AddRange(await QueueingOffAsync(services, cancellationToken));
            }
        }
        finally
        {
            await using var scope = services.CreateAsyncScope();
            await RemoveCountersAsync(scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>(), CancellationToken.None);
        }

        var text = new StringBuilder();
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Scenario}\t{r.Seconds:F2}\t{r.RowsWritten}\t{r.Detail}\n");
            LogResult(logger, r.Scenario, r.Seconds, r.RowsWritten, r.Detail);
        }

        await File.WriteAllTextAsync(outputPath, text.ToString(), cancellationToken);
        return 0;
    }

    /// <summary>The first repairer's import with queueing on, the recurring run and the full re-read.</summary>
    private static async Task QueueingOnAsync(IServiceProvider services, int repairerId, List<Result> results, CancellationToken cancellationToken)
    {
        results.Add(await MeasureAsync(services, "Claims360 import (queueing on: assignments become queue items)", async sp =>
        {
            var outcome = await sp.GetRequiredService<ImportClaims360>().ImportAsync(repairerId, cancellationToken);
            return $"{outcome.Outcome}, {outcome.Changed} assignments changed{(outcome.Error is null ? string.Empty : ", " + outcome.Error)}";
        }, cancellationToken));
        results.Add(await MeasureAsync(services, "Claims360 import again (recurring run, unchanged)", async sp =>
        {
            var outcome = await sp.GetRequiredService<ImportClaims360>().ImportAsync(repairerId, cancellationToken);
            return $"{outcome.Outcome}, {outcome.Changed} assignments changed";
        }, cancellationToken));

        // The stronger idempotency check: forget updatedSince so every assignment arrives again unchanged.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
            await db.Claims360Setups.Where(s => s.RepairerId == repairerId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ImportedUpTo, (DateTimeOffset?)null), cancellationToken);
            await ResetCountersAsync(db, cancellationToken);
        }

        results.Add(await MeasureAsync(services, "Claims360 full re-read (every assignment again, unchanged)", async sp =>
        {
            var outcome = await sp.GetRequiredService<ImportClaims360>().ImportAsync(repairerId, cancellationToken);
            return $"{outcome.Outcome}, {outcome.Changed} assignments changed";
        }, cancellationToken));
    }

    private static async Task<Result> CapsRelayAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var due = await PrepareCapsPushesAsync(services, cancellationToken);
        return await MeasureAsync(services, string.Create(CultureInfo.InvariantCulture, $"CAPS relay of {due} due pushes"), async sp =>
        {
            // The sweep takes 200 at a time, as the recurring job does every minute; here it runs back to back.
            for (var round = 0; round < 100; round++)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!await db.CapsSyncStates.AnyAsync(s => s.DueAt != null && s.DueAt <= now, cancellationToken))
                {
                    break;
                }

                await scope.ServiceProvider.GetRequiredService<CapsSyncRelay>().RunDueAsync(cancellationToken);
            }

            var check = sp.GetRequiredService<PlanManagerDbContext>();
            var synced = await check.CapsSyncStates.CountAsync(s => s.SyncedAt != null && s.LastError == null, cancellationToken);
            var failed = await check.CapsSyncStates.CountAsync(s => s.LastError != null, cancellationToken);
            return $"{synced} synced, {failed} failed";
            }, cancellationToken);
    }

    private static async Task<Result> MeasureAsync(IServiceProvider services, string scenario, Func<IServiceProvider, Task<string>> run, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        await ResetCountersAsync(db, cancellationToken);
        var watch = Stopwatch.StartNew();
        var detail = await run(scope.ServiceProvider);
        watch.Stop();
        var written = await ReadCountersAsync(db, cancellationToken);
        var rows = written.Sum(w => w.Value);
        var perTable = string.Join(", ", written.Where(w => w.Value > 0).OrderByDescending(w => w.Value).Select(w => $"{w.Key} {w.Value}"));
        return new Result(scenario, watch.Elapsed.TotalSeconds, rows, perTable.Length == 0 ? detail : $"{detail}; rows: {perTable}");
    }

    /// <summary>
    /// Queueing off (issue 18), on a second repairer's 10,000 assignments: every assignment becomes a job, then the
    /// dossiers' photos are copied (several at a time, thumbnails left to the app's queue); then every assignment is
    /// read again and no photo may be copied twice. The time to the jobs is when the import reports its photo step.
    /// </summary>
    private static async Task<IReadOnlyList<Result>> QueueingOffAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        int repairerId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
            repairerId = await ConfigureQueueingOffAsync(db, scope.ServiceProvider, cancellationToken);
        }

        var first = await ImportTimedAsync(services, repairerId, cancellationToken);
        var photoSeconds = Math.Max(0.001, first.Seconds - first.JobsSeconds);
        var results = new List<Result>
        {
            new("Claims360 import, queueing off: every assignment a job", first.JobsSeconds, first.Rows,
                $"{first.Outcome}; {first.Jobs} jobs; rows: {first.PerTable}"),
            new("Claims360 dossier photos copied (queueing off)", photoSeconds, first.Photos,
                string.Create(CultureInfo.InvariantCulture, $"{first.Photos} photos of {first.Jobs} jobs, {first.Photos / photoSeconds:F1} photos/s")),
        };

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
            await db.Claims360Setups.Where(s => s.RepairerId == repairerId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ImportedUpTo, (DateTimeOffset?)null), cancellationToken);
        }

        var again = await ImportTimedAsync(services, repairerId, cancellationToken);
        results.Add(new("Claims360 dossier photos copied again (queueing off, every assignment re-read)", again.Seconds, again.Rows,
            $"{again.Outcome}; {again.Photos - first.Photos} more photos; rows: {again.PerTable}"));
        return results;
    }

    private sealed record TimedImport(string Outcome, double Seconds, double JobsSeconds, long Rows, string PerTable, int Jobs, int Photos);

    private static async Task<TimedImport> ImportTimedAsync(IServiceProvider services, int repairerId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        await ResetCountersAsync(db, cancellationToken);
        var watch = Stopwatch.StartNew();
        var steps = new StepClock(watch);
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportClaims360>().ImportAsync(repairerId, steps, cancellationToken);
        watch.Stop();
        var written = await ReadCountersAsync(db, cancellationToken);
        var jobs = await db.Jobs.CountAsync(j => j.RepairerId == repairerId && j.Source == JobSource.Claims360, cancellationToken);
        var photos = await db.JobPhotos.CountAsync(p => p.Source == PhotoSource.Claims360 && db.Jobs.Any(j => j.Id == p.JobId && j.RepairerId == repairerId), cancellationToken);
        var perTable = string.Join(", ", written.Where(w => w.Value > 0).OrderByDescending(w => w.Value).Select(w => $"{w.Key} {w.Value}"));
        return new TimedImport(
            $"{outcome.Outcome}, {outcome.Changed} assignments changed{(outcome.Error is null ? string.Empty : ", " + outcome.Error)}",
            watch.Elapsed.TotalSeconds, steps.PhotosFrom?.TotalSeconds ?? watch.Elapsed.TotalSeconds, written.Sum(w => w.Value), perTable, jobs, photos);
    }

    /// <summary>Notes when the import moves from reading assignments to copying photos.</summary>
    private sealed class StepClock(Stopwatch watch) : Web.Features.Progress.IWorkProgress
    {
        public TimeSpan? PhotosFrom { get; private set; }

        public Task ReportAsync(int done, int? total, string stepKey, CancellationToken cancellationToken)
        {
            if (PhotosFrom is null && stepKey == ImportClaims360.PhotosStep)
            {
                PhotosFrom = watch.Elapsed;
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Queueing off, and a Claims360 set-up for the second Belgian repairer (the first keeps its queue items).</summary>
    private static async Task<int> ConfigureQueueingOffAsync(PlanManagerDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        await db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Claims360)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Claims360Queueing, false), cancellationToken);
        var used = await db.Claims360Setups.Select(s => s.RepairerId).ToListAsync(cancellationToken);
        var repairer = await db.Repairers.Where(r => r.Country == "BE" && r.ExternalReference != null && !used.Contains(r.Id))
            .OrderBy(r => r.Id).FirstAsync(cancellationToken);
        return await AddClaims360SetupAsync(db, services, repairer, cancellationToken);
    }

    /// <summary>A Claims360 set-up for <paramref name="repairer"/> with the sandbox's keys.</summary>
    private static async Task<int> AddClaims360SetupAsync(PlanManagerDbContext db, IServiceProvider services, Repairer repairer, CancellationToken cancellationToken)
    {
        var credentials = services.GetRequiredService<IOptions<SandboxOptions>>().Value.Credentials;
        var secrets = services.GetRequiredService<SecretProtector>();
        db.Claims360Setups.Add(new Claims360Setup
        {
            RepairerId = repairer.Id,
            CarrosserieId = repairer.ExternalReference!,
            ProtectedBodyshopKey = secrets.Protect(credentials.Claims360BodyshopKey),
            ProtectedPlanManagerKey = secrets.Protect(credentials.Claims360PlanManagerKey),
            ConfiguredAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            UpdatedBy = "bench",
        });
        await db.SaveChangesAsync(cancellationToken);
        return repairer.Id;
    }

    /// <summary>Claims360 on with a set-up for the first Belgian repairer; CAPS on.</summary>
    private static async Task<int> ConfigureConnectorsAsync(PlanManagerDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var credentials = services.GetRequiredService<IOptions<SandboxOptions>>().Value.Credentials;
        var secrets = services.GetRequiredService<SecretProtector>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var setting in await db.ConnectorSettings.ToListAsync(cancellationToken))
        {
            if (setting.Kind == ConnectorKind.Claims360)
            {
                setting.Enabled = true;
                setting.Claims360Queueing = true;
            }
            else if (setting.Kind == ConnectorKind.Caps)
            {
                setting.Enabled = true;
                setting.SiteCode = credentials.CapsSite;
                setting.ProtectedSecret = secrets.Protect(credentials.CapsApiKey);
            }

            setting.ConfiguredAt = now;
            setting.UpdatedBy = "bench";
        }

        var repairer = await db.Repairers.Where(r => r.Country == "BE" && r.ExternalReference != null).OrderBy(r => r.Id).FirstAsync(cancellationToken);
        db.Claims360Setups.RemoveRange(db.Claims360Setups);
        return await AddClaims360SetupAsync(db, services, repairer, cancellationToken);
    }

    /// <summary>The 1,000 newest jobs CAPS may receive (insurer with a CAPS code, claim number, make, plate) owe a push due now.</summary>
    private static async Task<int> PrepareCapsPushesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var ids = await db.Jobs.AsNoTracking()
            .Where(j => j.ClaimNumber != null && j.Make != null && j.Registration != "" && j.Insurer != null && j.Insurer.CapsCode != null)
            .Where(j => !db.CapsSyncStates.Any(s => s.JobId == j.Id))
            .OrderByDescending(j => j.Id).Select(j => j.Id).Take(CapsPushes).ToListAsync(cancellationToken);
        db.CapsSyncStates.AddRange(ids.Select(id => new CapsSyncState { JobId = id, DueAt = now.AddSeconds(-1) }));
        await db.SaveChangesAsync(cancellationToken);
        return ids.Count;
    }

    private static async Task InstallCountersAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        await RemoveCountersAsync(db, cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name <> 'BenchRowWrites';";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var sql = new StringBuilder($"CREATE TABLE {CounterTable} (Name TEXT PRIMARY KEY, Writes INTEGER NOT NULL);");
            foreach (var table in tables)
            {
                // Table names come from sqlite_master and are quoted; nothing here comes from a user.
                var quoted = table.Replace("\"", "\"\"", StringComparison.Ordinal);
                var literal = table.Replace("'", "''", StringComparison.Ordinal);
                sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {CounterTable} VALUES ('{literal}', 0);");
                foreach (var action in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    sql.Append(CultureInfo.InvariantCulture,
                        $"CREATE TRIGGER \"bench_{quoted}_{action}\" AFTER {action} ON \"{quoted}\" BEGIN UPDATE {CounterTable} SET Writes = Writes + 1 WHERE Name = '{literal}'; END;");
                }
            }

            await using var create = connection.CreateCommand();
#pragma warning disable CA2100 // Built from table names read from sqlite_master, quoted above.
            create.CommandText = sql.ToString();
#pragma warning restore CA2100
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task<int> ResetCountersAsync(PlanManagerDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("UPDATE " + CounterTable + " SET Writes = 0;", cancellationToken);

    private static async Task<Dictionary<string, long>> ReadCountersAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT Name, Writes FROM {CounterTable};";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    private static async Task RemoveCountersAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var drops = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'bench\\_%' ESCAPE '\\';";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    drops.Add($"DROP TRIGGER \"{reader.GetString(0).Replace("\"", "\"\"", StringComparison.Ordinal)}\";");
                }
            }

            drops.Add($"DROP TABLE IF EXISTS {CounterTable};");
            await using var drop = connection.CreateCommand();
#pragma warning disable CA2100 // Trigger names read from sqlite_master, quoted above.
            drop.CommandText = string.Concat(drops);
#pragma warning restore CA2100
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bench {Scenario}: {Seconds:F2} s, {Rows} rows written ({Detail})")]
    private static partial void LogResult(ILogger logger, string scenario, double seconds, long rows, string detail);
}
