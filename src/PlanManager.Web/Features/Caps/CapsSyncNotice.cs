using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Caps;

/// <summary>
/// Notices, in every save, that a job owes CAPS a push (C1), so no use case can forget it
/// (docs/decisions/0010-one-door-for-a-job.md). A job added or changed, or a party whose CAPS code
/// changed (and so every job it is on), is checked: when the job is eligible and what CAPS would
/// receive differs from what it last accepted, the owed push (<see cref="CapsSyncState.DueAt"/> =
/// now + SyncDelay) is written in the same SaveChanges. Once the save is committed, Hangfire is asked
/// to relay it; the sweep catches a relay that is lost.
/// </summary>
public sealed class CapsSyncNotice(
    JobLogWriter log,
    IOptions<CapsSyncOptions> options,
    TimeProvider clock,
    IBackgroundJobClient backgroundJobs) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Pushes owed by saves not yet committed, relayed on commit.</summary>
    private readonly List<CapsSyncState> _noted = [];
    private readonly List<CapsSyncState> _saved = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is PlanManagerDbContext db)
        {
            await NoteAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is PlanManagerDbContext db)
        {
            // The app saves asynchronously; a synchronous save (tools, tests) gets the same rule.
            NoteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData?.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _noted.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _noted.Clear();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Relay();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Relay();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => _saved.Clear();

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _saved.Clear();
        return Task.CompletedTask;
    }

    /// <summary>CAPS is on and has its site code and API key.</summary>
    public static Task<bool> IsCapsConfiguredAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ConnectorSettings.AsNoTracking().AnyAsync(
            s => s.Kind == ConnectorKind.Caps && s.Enabled && s.SiteCode != null && s.SiteCode != "" && s.ProtectedSecret != null, cancellationToken);
    }

    /// <summary>Asks Hangfire to relay the push when it is due (a second later: Hangfire keeps whole seconds).</summary>
    public static void Relay(IBackgroundJobClient jobs, int jobId, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.Schedule<CapsSyncRelay>(relay => relay.PushAsync(jobId, CancellationToken.None), dueAt + TimeSpan.FromSeconds(1));
    }

    private async Task NoteAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        var jobs = db.ChangeTracker.Entries<Job>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var recoded = db.ChangeTracker.Entries<ThirdParty>()
            .Where(e => e.State == EntityState.Modified && e.Property(p => p.CapsCode).IsModified)
            .Select(e => e.Entity.Id).ToList();
        if ((jobs.Count == 0 && recoded.Count == 0) || !await IsCapsConfiguredAsync(db, cancellationToken))
        {
            return;
        }

        if (recoded.Count > 0)
        {
            // Every job the party is on now sends another code; only jobs that may be eligible are loaded.
            var onParty = await db.Jobs
                .Where(j => (j.InsurerId != null && recoded.Contains(j.InsurerId.Value)) || (j.AgentId != null && recoded.Contains(j.AgentId.Value))
                    || (j.OwnerId != null && recoded.Contains(j.OwnerId.Value)))
                .Where(j => j.ClaimNumber != null && j.ClaimNumber != "" && j.Make != null && j.Make != "" && j.InsurerId != null)
                .ToListAsync(cancellationToken);
            var already = jobs.Select(j => j.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
            jobs.AddRange(onParty.Where(j => !already.Contains(j)).Select(db.Entry));
        }

        var saved = jobs.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        var states = saved.Count == 0
            ? []
            : await db.CapsSyncStates.Where(s => saved.Contains(s.JobId)).ToDictionaryAsync(s => s.JobId, cancellationToken);
        await LoadPartiesAsync(db, jobs, cancellationToken);
        foreach (var entry in jobs)
        {
            Note(db, entry, entry.State == EntityState.Added ? null : states.GetValueOrDefault(entry.Entity.Id));
        }
    }

    private void Note(PlanManagerDbContext db, EntityEntry<Job> entry, CapsSyncState? state)
    {
        var job = entry.Entity;
        if (!CapsEligibility.IsEligible(CapsPushPayload.Facts(job, capsConfigured: true)))
        {
            // A job that stops being eligible no longer owes a push.
            state?.DueAt = null;
            return;
        }

        var hash = CapsPushPayload.Hash(CapsPushPayload.From(job));
        if (state is { DueAt: null } && state.SyncedHash == hash)
        {
            return;
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

        // Several changes inside the delay keep moving the one planned push.
        state.DueAt = clock.GetUtcNow() + options.Value.SyncDelay;
        state.Attempts = 0;
        _noted.Add(state);
    }

    /// <summary>The rule and the payload read the parties' CAPS codes: the ones not tracked yet are loaded in one query.</summary>
    private static async Task LoadPartiesAsync(PlanManagerDbContext db, List<EntityEntry<Job>> jobs, CancellationToken cancellationToken)
    {
        // The tracked parties' ids once, not a DbSet.Local read (a DetectChanges over every tracked row) per id.
        var tracked = db.ThirdParties.Local.Select(t => t.Id).ToHashSet();
        var ids = jobs.SelectMany(e => new[] { e.Entity.InsurerId, e.Entity.AgentId, e.Entity.OwnerId })
            .OfType<int>().Distinct()
            .Where(id => !tracked.Contains(id))
            .ToList();
        if (ids.Count > 0)
        {
            // Tracking them sets each job's navigations (the change tracker's fix-up).
            await db.ThirdParties.Where(t => ids.Contains(t.Id)).LoadAsync(cancellationToken);
        }
    }

    private void Saved(DbContext? context)
    {
        _saved.AddRange(_noted);
        _noted.Clear();
        if (context?.Database.CurrentTransaction is null)
        {
            // The save ran in its own transaction, committed now.
            Relay();
        }
    }

    private void Relay()
    {
        foreach (var state in _saved.Where(s => s.DueAt is not null))
        {
            Relay(backgroundJobs, state.JobId, state.DueAt!.Value);
        }

        _saved.Clear();
    }
}
