using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Caps;

/// <summary>
/// Notes that a job owes CAPS a push (C1). Called by every use case that creates or edits a job,
/// before its SaveChanges, so the owed push is stored in the same transaction as the edit.
/// </summary>
public sealed class CapsSyncScheduler(
    PlanManagerDbContext db,
    JobLogWriter log,
    IOptions<CapsSyncOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// For a tracked job about to be saved: when it is eligible and its synced fields differ from
    /// what CAPS last accepted, the push is (re)planned for now + SyncDelay; several edits inside
    /// the delay keep moving the one planned push. Returns the due time when a push is owed.
    /// </summary>
    public async Task<DateTimeOffset?> NoteAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await LoadPartiesAsync(job, cancellationToken);
        var configured = await IsCapsConfiguredAsync(db, cancellationToken);
        var state = job.Id == 0 ? null : await db.CapsSyncStates.SingleOrDefaultAsync(s => s.JobId == job.Id, cancellationToken);
        if (!CapsEligibility.IsEligible(CapsPushPayload.Facts(job, configured)))
        {
            // A job that stops being eligible no longer owes a push.
            if (state is not null)
            {
                state.DueAt = null;
            }

            return null;
        }

        var hash = CapsPushPayload.Hash(CapsPushPayload.From(job));
        if (state is not null && state.DueAt is null && state.SyncedHash == hash)
        {
            return null;
        }

        if (state is null)
        {
            state = new CapsSyncState { Job = job };
            db.CapsSyncStates.Add(state);
        }

        if (state.DueAt is null)
        {
            log.Add(job, JobLogMessages.CapsSyncPlanned, null, LogPlatform.Caps);
        }

        state.DueAt = clock.GetUtcNow() + options.Value.SyncDelay;
        state.Attempts = 0;
        return state.DueAt;
    }

    /// <summary>After the edit is committed: asks Hangfire to relay the push when it is due (the sweep catches a lost one).</summary>
    public static void Relay(IBackgroundJobClient jobs, int jobId, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        // Hangfire keeps scheduled times in whole seconds: a second later, so the job never wakes before the push is due.
        jobs.Schedule<CapsSyncRelay>(relay => relay.PushAsync(jobId, CancellationToken.None), dueAt + TimeSpan.FromSeconds(1));
    }

    /// <summary>CAPS is on and has its site code and API key.</summary>
    public static Task<bool> IsCapsConfiguredAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ConnectorSettings.AsNoTracking().AnyAsync(
            s => s.Kind == ConnectorKind.Caps && s.Enabled && s.SiteCode != null && s.SiteCode != "" && s.ProtectedSecret != null, cancellationToken);
    }

    private async Task LoadPartiesAsync(Job job, CancellationToken cancellationToken)
    {
        // The form sets ids; the rule and the payload read the parties' CAPS codes.
        job.Insurer = await PartyAsync(job.InsurerId, job.Insurer, cancellationToken);
        job.Agent = await PartyAsync(job.AgentId, job.Agent, cancellationToken);
        job.Owner = await PartyAsync(job.OwnerId, job.Owner, cancellationToken);
    }

    /// <summary>The party the id points at, or a party being created with the job (no id yet).</summary>
    private async Task<ThirdParty?> PartyAsync(int? id, ThirdParty? current, CancellationToken cancellationToken) => id switch
    {
        { } value when current?.Id == value => current,
        { } value => await db.ThirdParties.FindAsync([value], cancellationToken),
        _ => current is { Id: 0 } ? current : null,
    };
}
