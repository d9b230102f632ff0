using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Caps;

/// <summary>The CAPS state the job screen shows (C1): synced at, pending until, failed with reason, or what the job lacks.</summary>
public sealed record CapsSyncView(IReadOnlyList<string> Missing, DateTimeOffset? SyncedAt, DateTimeOffset? PendingUntil, string? FailedOutcome, string? FailedStatus, int Attempts)
{
    public bool IsEligible => Missing.Count == 0;
    public bool IsPending => PendingUntil is not null;
    public bool HasFailed => FailedOutcome is not null;
}

public sealed class CapsSyncStatus(PlanManagerDbContext db)
{
    /// <summary>Null while CAPS is switched off: the job screen then says nothing about it.</summary>
    public async Task<CapsSyncView?> ForJobAsync(int jobId, CancellationToken cancellationToken)
    {
        if (!await db.ConnectorSettings.AsNoTracking().AnyAsync(s => s.Kind == ConnectorKind.Caps && s.Enabled, cancellationToken))
        {
            return null;
        }

        var job = await db.Jobs.AsNoTracking().Include(j => j.Insurer).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var configured = await CapsSyncNotice.IsCapsConfiguredAsync(db, cancellationToken);
        var state = await db.CapsSyncStates.AsNoTracking().SingleOrDefaultAsync(s => s.JobId == jobId, cancellationToken);
        var failure = state?.LastError?.Split('|');
        return new CapsSyncView(
            CapsEligibility.Missing(CapsPushPayload.Facts(job, configured)),
            state?.SyncedAt,
            state?.DueAt,
            failure?[0],
            failure is { Length: > 1 } ? failure[1] : null,
            state?.Attempts ?? 0);
    }
}
