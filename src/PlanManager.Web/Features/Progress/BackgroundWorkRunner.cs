using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Progress;

/// <summary>
/// The Hangfire job that runs one piece of work and keeps its progress record: it takes the record up
/// (queued, or running with a lease that passed: a worker that died, so the work is resumed from the
/// start), renews the lease while the work runs, and ends the record with the work's outcome. Hangfire
/// does not retry it: a failure is the outcome the page shows.
/// </summary>
public sealed partial class BackgroundWorkRunner(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ProgressOptions> options, ILogger<BackgroundWorkRunner> logger)
{
    public const string Failed = "Progress.Failed";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int progressId, CancellationToken cancellationToken)
    {
        if (await ClaimAsync(progressId, cancellationToken) is not { } work)
        {
            return;
        }

        var reporter = new Reporter(progressId, this);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(progressId, stop.Token);
        WorkOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JobLogWriter>().BackgroundUser = work.StartedBy;
            outcome = await scope.ServiceProvider.GetRequiredKeyedService<IBackgroundWork>(work.Kind).RunAsync(work.Arguments, reporter, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping: the record stays running; its lease runs out and it is resumed or ended as stopped.
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, e, work.Kind, progressId);
            outcome = WorkOutcome.Failure(Failed);
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeat;
        }

        await EndAsync(progressId, outcome, cancellationToken);
    }

    private async Task<WorkProgress?> ClaimAsync(int id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        var now = clock.GetUtcNow();
        var lease = now + options.Value.Lease;
        var claimed = await db.WorkProgress
            .Where(w => w.Id == id && (w.State == WorkState.Queued || (w.State == WorkState.Running && w.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Running).SetProperty(w => w.LeaseUntil, lease)
                .SetProperty(w => w.Attempts, w => w.Attempts + 1).SetProperty(w => w.Done, 0).SetProperty(w => w.StepKey, "Progress.Step.Starting"),
                cancellationToken);
        // Nothing claimed: it ended (the sweep or a reader ended it) or another worker holds a live lease.
        return claimed == 0 ? null : await db.WorkProgress.AsNoTracking().SingleAsync(w => w.Id == id, cancellationToken);
    }

    private async Task HeartbeatAsync(int id, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await UpdateAsync(id, _ => { }, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The work ended.
        }
    }

    private async Task UpdateAsync(
        int id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<WorkProgress>> set,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        var lease = clock.GetUtcNow() + options.Value.Lease;
        await db.WorkProgress.Where(w => w.Id == id && w.State == WorkState.Running)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(w => w.LeaseUntil, lease);
                set(s);
            }, cancellationToken);
    }

    private async Task EndAsync(int id, WorkOutcome outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        var arguments = JsonSerializer.Serialize(outcome.Arguments, BackgroundWorks.Json);
        var now = clock.GetUtcNow();
        // The work's own outcome wins over "stopped" written by a reader who thought the worker dead (a very long pause).
        await db.WorkProgress.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.State, outcome.Succeeded ? WorkState.Succeeded : WorkState.Failed)
            .SetProperty(w => w.OutcomeKey, outcome.MessageKey)
            .SetProperty(w => w.OutcomeArguments, arguments.Length > WorkProgressLimits.OutcomeArguments ? arguments[..WorkProgressLimits.OutcomeArguments] : arguments)
            .SetProperty(w => w.ResultUrl, outcome.ResultUrl)
            .SetProperty(w => w.ActiveKey, (string?)null)
            .SetProperty(w => w.EndedAt, now)
            .SetProperty(w => w.Total, w => w.Total ?? w.Done), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {Kind} ({ProgressId}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string kind, int progressId);

    private sealed class Reporter(int id, BackgroundWorkRunner runner) : IWorkProgress
    {
        public Task ReportAsync(int done, int? total, string stepKey, CancellationToken cancellationToken) =>
            runner.UpdateAsync(id, s => s.SetProperty(w => w.Done, done).SetProperty(w => w.Total, total).SetProperty(w => w.StepKey, stepKey), cancellationToken);
    }
}
