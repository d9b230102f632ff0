using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Progress;
using PlanManager.Web.Features.ThirdParties;
using PlanManager.Web.Infrastructure.Connectors;
using PlanManager.Web.Infrastructure.Photos;
using Microsoft.Extensions.Options;

namespace PlanManager.Web.Features.Claims360;

public enum Claims360ImportOutcome
{
    Imported,
    NotConfigured,
    Disabled,
    Failed,
}

public sealed record Claims360ImportResult(Claims360ImportOutcome Outcome, int Changed = 0, string? Error = null);

/// <summary>
/// C3: imports new and changed Claims360 assignments of each configured repairer (paged,
/// updatedSince the newest one seen). Queueing on: they wait in the queue; off: they become jobs.
/// Safe to run twice: an assignment is one row, and an unchanged one is skipped.
/// </summary>
public sealed class ImportClaims360(
    PlanManagerDbContext db,
    IClaims360Api api,
    PlatformImport import,
    Claims360Jobs jobs,
    IServiceScopeFactory scopes,
    IOptions<PhotoStorageOptions> photoOptions,
    TimeProvider clock)
{
    public const string JobId = "claims360-import";
    /// <summary>The most the contract allows (claims360.yaml): a re-read of 10,000 assignments is 50 calls, not 200.</summary>
    public const int PageSize = 200;
    private const int MaxPages = 1000;
    public const string ReadingStep = "Progress.Step.Claims360Reading";
    public const string PhotosStep = "Progress.Step.Claims360Photos";

    /// <summary>The recurring job: every configured repairer; one failing does not stop the others.</summary>
    public async Task RunAllAsync(CancellationToken cancellationToken)
    {
        var repairers = await db.Claims360Setups.AsNoTracking().OrderBy(s => s.RepairerId).Select(s => s.RepairerId).ToListAsync(cancellationToken);
        foreach (var repairerId in repairers)
        {
            await ImportAsync(repairerId, cancellationToken);
        }
    }

    public Task<Claims360ImportResult> ImportAsync(int repairerId, CancellationToken cancellationToken) =>
        ImportAsync(repairerId, NoProgress.Instance, cancellationToken);

    /// <summary>One repairer, telling <paramref name="progress"/> how far it got (a Refresh runs in the background: RefreshClaims360).</summary>
    public async Task<Claims360ImportResult> ImportAsync(int repairerId, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var held = await import.StartAsync(ConnectorKind.Claims360, repairerId, cancellationToken);
        if (held is null)
        {
            return new Claims360ImportResult(Claims360ImportOutcome.Disabled);
        }

        var queueing = await db.ConnectorSettings.AsNoTracking().Where(s => s.Kind == ConnectorKind.Claims360).Select(s => s.Claims360Queueing).SingleAsync(cancellationToken);

        var setup = await db.Claims360Setups.AsNoTracking().SingleOrDefaultAsync(s => s.RepairerId == repairerId, cancellationToken);
        if (setup is null)
        {
            return new Claims360ImportResult(Claims360ImportOutcome.NotConfigured);
        }

        var since = setup.ImportedUpTo;
        var newest = since;
        var changed = 0;
        var read = 0;
        for (var page = 1; page <= MaxPages; page++)
        {
            var number = page;
            var (answer, error) = await import.FetchAsync(ConnectorKind.Claims360, "import assignments",
                ct => api.GetAssignmentsAsync(setup.CarrosserieId, since, number, PageSize, ct), cancellationToken);
            if (answer is null)
            {
                await RecordAsync(repairerId, s =>
                {
                    s.LastImportErrorAt = clock.GetUtcNow();
                    s.LastImportError = error;
                }, cancellationToken);
                return new Claims360ImportResult(Claims360ImportOutcome.Failed, changed, error);
            }

            changed += await SavePageAsync(repairerId, setup.CarrosserieId, queueing, answer.Assignments, cancellationToken);
            foreach (var assignment in answer.Assignments)
            {
                if (newest is null || assignment.UpdatedAt > newest)
                {
                    newest = assignment.UpdatedAt;
                }
            }

            read += answer.Assignments.Count;
            var more = answer.HasMore && answer.Assignments.Count > 0;
            // The platform does not say how many there are: while pages follow, at least one more page is ahead.
            await progress.ReportAsync(read, more ? read + PageSize : read, ReadingStep, cancellationToken);
            if (!more)
            {
                break;
            }
        }

        await ImportPhotosAsync(repairerId, since, progress, cancellationToken);
        await RecordAsync(repairerId, s =>
        {
            s.LastImportAt = clock.GetUtcNow();
            s.ImportedUpTo = newest;
            s.LastImportError = null;
            s.LastImportErrorAt = null;
        }, cancellationToken);
        return new Claims360ImportResult(Claims360ImportOutcome.Imported, changed);
    }

    /// <summary>One page in one transaction (job numbers are taken inside it); a clash with another importer is saved once more.</summary>
    private Task<int> SavePageAsync(int repairerId, string carrosserieId, bool queueing, IReadOnlyList<Claims360Assignment> assignments, CancellationToken cancellationToken) =>
        import.SaveAsync(token => db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The page's existing rows in one query (inside the transaction), not one query per assignment; looked up by number
            // in a dictionary, not in DbSet.Local, whose every read runs DetectChanges over all the page's tracked rows.
            var numbers = assignments.Select(a => a.AssignmentNumber.Trim()).Distinct().ToList();
            var items = await db.Claims360Items.Where(i => i.RepairerId == repairerId && numbers.Contains(i.AssignmentNumber))
                .ToDictionaryAsync(i => i.AssignmentNumber, StringComparer.Ordinal, ct);
            var changed = 0;
            foreach (var assignment in assignments)
            {
                if (await UpsertAsync(repairerId, carrosserieId, queueing, assignment, items, ct))
                {
                    changed++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return changed;
        }, token), cancellationToken);

    /// <param name="items">The page's existing rows by assignment number; a new one is added to it (an assignment twice on a page is one row).</param>
    private async Task<bool> UpsertAsync(int repairerId, string carrosserieId, bool queueing, Claims360Assignment assignment,
        Dictionary<string, Claims360Item> items, CancellationToken cancellationToken)
    {
        var number = assignment.AssignmentNumber.Trim();
        var now = clock.GetUtcNow();
        if (!items.TryGetValue(number, out var item))
        {
            item = new Claims360Item { RepairerId = repairerId, ImportedAt = now };
            Claims360Mapping.Apply(item, assignment);
            db.Claims360Items.Add(item);
            items.Add(number, item);
            if (!queueing)
            {
                await jobs.CreateAsync(item, carrosserieId, cancellationToken);
            }

            return true;
        }

        if (!Claims360Mapping.Apply(item, assignment))
        {
            return false;
        }

        await jobs.UpdateAsync(item, carrosserieId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Photos of the dossiers linked to jobs whose assignment came in this run (each photo once: the transfer row).
    /// Several dossiers at a time, each in its own scope (a DbContext serves one caller); thumbnails are left to the
    /// thumbnail queue, so a copy is a download, a metadata strip, a file and a row.
    /// </summary>
    private async Task ImportPhotosAsync(int repairerId, DateTimeOffset? since, IWorkProgress progress, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var jobs = await db.Claims360Items.AsNoTracking()
            .Where(i => i.RepairerId == repairerId && i.JobId != null && (since == null || i.PlatformUpdatedAt > since))
            .Where(i => db.Claims360JobLinks.Any(l => l.JobId == i.JobId))
            .Select(i => i.JobId!.Value).ToListAsync(cancellationToken);
        var linked = jobs.Distinct().Order().ToList();
        if (linked.Count == 0)
        {
            return;
        }

        await progress.ReportAsync(0, linked.Count, PhotosStep, cancellationToken);
        var done = 0;
        using var reporting = new SemaphoreSlim(1, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = photoOptions.Value.CopyParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(linked, parallel, async (jobId, ct) =>
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Claims360PhotoTransfers>().ImportAsync(jobId, ct);
            }

            var count = Interlocked.Increment(ref done);
            // The progress record is one row written by one caller: a copy that finds it busy leaves the report to the next.
            if ((count % 20 == 0 || count == linked.Count) && await reporting.WaitAsync(0, ct))
            {
                try
                {
                    await progress.ReportAsync(Volatile.Read(ref done), linked.Count, PhotosStep, ct);
                }
                finally
                {
                    reporting.Release();
                }
            }
        });
    }

    private async Task RecordAsync(int repairerId, Action<Claims360Setup> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var setup = await db.Claims360Setups.SingleOrDefaultAsync(s => s.RepairerId == repairerId, cancellationToken);
        if (setup is not null)
        {
            change(setup);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>Turning a queue item into a job, shared by the import (queueing off) and "accept" on the queue page.</summary>
public sealed class Claims360Jobs(PlanManagerDbContext db, OpenJob openJob, PlatformParties parties, JobLogWriter log, TimeProvider clock)
{
    /// <summary>Call inside the transaction that saves the item: the job number is taken there.</summary>
    public async Task<Job> CreateAsync(Claims360Item item, string carrosserieId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var job = await openJob.HandleAsync(JobSource.Claims360, Claims360Mapping.NewJob(item), cancellationToken);
        foreach (var party in new[]
        {
            await parties.InsurerAsync(null, item.InsurerName, cancellationToken),
            await parties.OwnerAsync(item.CustomerName, null, null, cancellationToken),
        }.OfType<ThirdParty>())
        {
            job.LinkNewParty(party);
        }

        log.Add(job, JobLogMessages.Claims360Imported, item.AssignmentNumber, LogPlatform.Claims360);
        item.Job = job;
        item.Status = Claims360ItemStatus.Job;
        if (item.DossierId is { Length: > 0 } dossierId)
        {
            db.Claims360JobLinks.Add(new Claims360JobLink { Job = job, CarrosserieId = carrosserieId, DossierId = dossierId, LinkedAt = clock.GetUtcNow() });
        }

        return job;
    }

    /// <summary>Brings the item's job in line with a changed assignment, and links it to the dossier the assignment names when it has none yet.</summary>
    public async Task UpdateAsync(Claims360Item item, string carrosserieId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.JobId is not { } jobId || await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken) is not { } job)
        {
            return;
        }

        job.Edit(Claims360Mapping.Merge(job.Details(), item));
        log.Add(job, JobLogMessages.Claims360Updated, item.AssignmentNumber, LogPlatform.Claims360);
        if (!string.IsNullOrEmpty(item.DossierId) && !await db.Claims360JobLinks.AnyAsync(l => l.JobId == jobId, cancellationToken))
        {
            db.Claims360JobLinks.Add(new Claims360JobLink { JobId = jobId, CarrosserieId = carrosserieId, DossierId = item.DossierId, LinkedAt = clock.GetUtcNow() });
        }
    }
}
