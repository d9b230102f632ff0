using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Caps;

/// <summary>
/// Relays owed CAPS pushes (C1), run by Hangfire. Safe to run twice: a push is first claimed with
/// a conditional update of its due time (only one runner wins), and the PUT is idempotent per
/// job number. Hangfire's own retries are off: a failure is planned again here, with the reason
/// on the job screen and in the job log.
/// </summary>
public sealed partial class CapsSyncRelay(
    PlanManagerDbContext db,
    ICapsApi caps,
    ConnectorGateway gateway,
    IBackgroundJobClient jobs,
    IOptions<CapsSyncOptions> options,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    ILogger<CapsSyncRelay> logger)
{
    public const string SweepJobId = "caps-sync-relay";

    /// <summary>
    /// Pushes every owed push whose time has come (the recurring sweep, and once at start-up),
    /// <see cref="CapsSyncOptions.SyncRelayParallelism"/> at a time, each in its own scope (its own
    /// DbContext); the claim in <see cref="PushAsync"/> keeps two runners off the same push.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.CapsSyncStates.AsNoTracking()
            .Where(s => s.DueAt != null && s.DueAt <= now)
            .OrderBy(s => s.DueAt)
            .Select(s => s.JobId)
            .Take(200)
            .ToListAsync(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.SyncRelayParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, parallel, async (jobId, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CapsSyncRelay>().PushAsync(jobId, ct);
        });
    }

    /// <summary>Pushes one job if its push is owed and due; otherwise does nothing (a later edit moved it).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task PushAsync(int jobId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var owed = await db.CapsSyncStates.AsNoTracking().Where(s => s.JobId == jobId).Select(s => s.DueAt).SingleOrDefaultAsync(cancellationToken);
        if (owed is not { } dueAt || dueAt > now)
        {
            return;
        }

        // Claim it: one runner moves the due time to the end of its lease, a second finds it moved.
        var lease = now + options.Value.SyncLease;
        var claimed = await db.CapsSyncStates
            .Where(s => s.JobId == jobId && s.DueAt == dueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DueAt, lease), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var job = await db.Jobs.Include(j => j.Insurer).Include(j => j.Agent).Include(j => j.Owner)
            .SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        var state = await db.CapsSyncStates.SingleAsync(s => s.JobId == jobId, cancellationToken);
        var configured = await CapsSyncNotice.IsCapsConfiguredAsync(db, cancellationToken);
        if (job is null || !CapsEligibility.IsEligible(CapsPushPayload.Facts(job, configured)))
        {
            state.DueAt = null;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var payload = CapsPushPayload.From(job);
        var result = await gateway.CallAsync(ConnectorPlatform.Caps, "PUT job", jobId, ct => caps.PutJobAsync(payload.JobNumber, payload, ct), cancellationToken);

        // An edit saved while the push was on its way moved the due time: that push is still owed.
        await db.Entry(state).ReloadAsync(cancellationToken);
        var editedMeanwhile = state.DueAt != lease;
        state.LastAttemptAt = clock.GetUtcNow();
        if (result.Succeeded)
        {
            state.SyncedHash = CapsPushPayload.Hash(payload);
            state.SyncedAt = state.LastAttemptAt;
            state.LastError = null;
            state.Attempts = 0;
            state.DueAt = editedMeanwhile ? state.DueAt : null;
        }
        else
        {
            state.Attempts++;
            state.LastError = Describe(result);
            if (!editedMeanwhile)
            {
                state.DueAt = result.IsTransient && state.Attempts < options.Value.SyncMaxAttempts
                    ? state.LastAttemptAt + (options.Value.SyncRetryDelay * Math.Pow(2, state.Attempts - 1))
                    : null;
            }

            LogPushFailed(logger, jobId, result.Outcome, state.DueAt);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (state.DueAt is { } next)
        {
            CapsSyncNotice.Relay(jobs, jobId, next);
        }
    }

    private static string Describe<T>(ConnectorResult<T> result)
    {
        var detail = $"{result.Outcome}|{result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
        return detail.Length > 500 ? detail[..500] : detail;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CAPS push of job {JobId} failed: {Outcome}; next try {Next}")]
    private static partial void LogPushFailed(ILogger logger, int jobId, ConnectorOutcome outcome, DateTimeOffset? next);
}
