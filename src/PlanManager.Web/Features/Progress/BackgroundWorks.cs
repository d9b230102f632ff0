using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Progress;

public sealed class ProgressOptions
{
    public const string Section = "Progress";

    /// <summary>How long running work is believed alive after its last sign of life; past it, its worker is taken for dead.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a worker renews the lease while the work runs (well inside <see cref="Lease"/>).</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long queued work may wait for a worker before it is ended as "did not start".</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Ended records are deleted after this.</summary>
    public TimeSpan KeepEnded { get; set; } = TimeSpan.FromDays(7);

    public string SweepCron { get; set; } = "* * * * *";
}

/// <summary>A started (or joined) piece of work: the id of its progress record.</summary>
public sealed record WorkTicket(int Id, bool Joined);

/// <summary>
/// Starts long work in the background and reads its progress (docs/decisions/0016): a start writes a
/// queued <see cref="WorkProgress"/> row and enqueues <see cref="BackgroundWorkRunner"/> with its id; a
/// second start with the same join key while the first is alive gets the first one's id. A record whose
/// lease has passed is ended as failed when it is read and by the minute sweep, so nothing stays "running".
/// </summary>
public sealed class BackgroundWorks(
    PlanManagerDbContext db, IBackgroundJobClient jobs, JobStorage storage, IHttpContextAccessor http, TimeProvider clock, IOptions<ProgressOptions> options)
{
    public const string SweepJobId = "progress-sweep";
    public const string Stopped = "Progress.Stopped";
    public const string NotStarted = "Progress.NotStarted";

    private static readonly string[] EndedJobStates =
        [Hangfire.States.SucceededState.StateName, Hangfire.States.FailedState.StateName, Hangfire.States.DeletedState.StateName];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string KindOf<TWork>() => typeof(TWork).Name;

    /// <summary>
    /// Starts <typeparamref name="TWork"/> with <paramref name="arguments"/>, or joins the live work started with the same
    /// <paramref name="joinKey"/> (null: never joined, e.g. a bulk change of chosen rows).
    /// </summary>
    public async Task<WorkTicket> StartAsync<TWork>(object arguments, string? joinKey, CancellationToken cancellationToken)
        where TWork : IBackgroundWork
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var kind = KindOf<TWork>();
        var key = joinKey is null ? null : kind + ":" + joinKey;
        for (var attempt = 1; ; attempt++)
        {
            if (key is not null && await LiveAsync(key, cancellationToken) is { } live)
            {
                return new WorkTicket(live, Joined: true);
            }

            var now = clock.GetUtcNow();
            var row = new WorkProgress
            {
                Kind = kind,
                Arguments = JsonSerializer.Serialize(arguments, Json),
                ActiveKey = key,
                State = WorkState.Queued,
                StartedBy = Truncate(http.HttpContext?.User.Identity?.Name ?? Infrastructure.JobLogWriter.System, WorkProgressLimits.User),
                StartedAt = now,
                LeaseUntil = now + options.Value.QueueTimeout,
                StepKey = "Progress.Step.Queued",
            };
            db.WorkProgress.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (key is not null && attempt == 1)
            {
                // Another click or node inserted the live row for this key first: join it.
                db.ChangeTracker.Clear();
                continue;
            }

            var jobId = jobs.Enqueue<BackgroundWorkRunner>(runner => runner.RunAsync(row.Id, CancellationToken.None));
            await db.WorkProgress.Where(w => w.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.BackgroundJobId, jobId), cancellationToken);
            return new WorkTicket(row.Id, Joined: false);
        }
    }

    /// <summary>The record, ended as failed first if its worker is gone; null if there is none.</summary>
    public async Task<WorkProgress?> ReadAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.WorkProgress.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (row is null || row.Ended || !await EndIfGoneAsync(row.Id, row.LeaseUntil, row.BackgroundJobId, cancellationToken))
        {
            return row;
        }

        return await db.WorkProgress.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
    }

    /// <summary>The recurring sweep: ends every record whose worker is gone, and forgets old ended ones.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var ended = 0;
        var live = await db.WorkProgress.AsNoTracking().Where(w => w.State == WorkState.Queued || w.State == WorkState.Running)
            .Select(w => new { w.Id, w.LeaseUntil, w.BackgroundJobId }).ToListAsync(cancellationToken);
        foreach (var row in live)
        {
            ended += await EndIfGoneAsync(row.Id, row.LeaseUntil, row.BackgroundJobId, cancellationToken) ? 1 : 0;
        }

        var old = clock.GetUtcNow() - options.Value.KeepEnded;
        await db.WorkProgress.Where(w => (w.State == WorkState.Succeeded || w.State == WorkState.Failed) && w.EndedAt < old).ExecuteDeleteAsync(cancellationToken);
        return ended;
    }

    private async Task<int?> LiveAsync(string key, CancellationToken cancellationToken)
    {
        var live = await db.WorkProgress.AsNoTracking().Where(w => w.ActiveKey == key)
            .Select(w => new { w.Id, w.LeaseUntil, w.BackgroundJobId }).SingleOrDefaultAsync(cancellationToken);
        // A live row whose worker is gone is ended, and the work starts afresh (it is safe to run again).
        return live is null || await EndIfGoneAsync(live.Id, live.LeaseUntil, live.BackgroundJobId, cancellationToken) ? null : live.Id;
    }

    /// <summary>
    /// Ends a queued or running record whose lease has passed, or whose Hangfire job is gone (in-memory storage forgets
    /// its jobs when the process stops) or ended without ending the record (the worker was stopped); true if it ended it.
    /// </summary>
    private async Task<bool> EndIfGoneAsync(int id, DateTimeOffset leaseUntil, string? jobId, CancellationToken cancellationToken)
    {
        var gone = leaseUntil < clock.GetUtcNow() || (jobId is not null && JobGone(jobId));
        return gone && await EndAsGoneAsync(id, cancellationToken) > 0;
    }

    private bool JobGone(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetJobData(jobId) is not { } job
            || EndedJobStates.Contains(job.State, StringComparer.Ordinal);
    }

    /// <summary>Queued work that no worker took up "did not start"; running work whose worker is gone "stopped".</summary>
    private async Task<int> EndAsGoneAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var count = 0;
        foreach (var (state, message) in new[] { (WorkState.Queued, NotStarted), (WorkState.Running, Stopped) })
        {
            count += await db.WorkProgress.Where(w => w.Id == id && w.State == state)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Failed).SetProperty(w => w.OutcomeKey, message)
                    .SetProperty(w => w.OutcomeArguments, (string?)null).SetProperty(w => w.ActiveKey, (string?)null)
                    .SetProperty(w => w.EndedAt, now), cancellationToken);
        }

        return count;
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
