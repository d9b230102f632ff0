using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

public enum Claims360JobOutcome
{
    Exported,
    Sent,
    EstimateLoaded,
    EstimateUnchanged,
    NoEstimateYet,
    NotLinked,
    RepairerNotSetUp,
    Disabled,
    NotFound,
    Failed,
}

public sealed record Claims360JobResult(Claims360JobOutcome Outcome, string? Detail = null);

/// <summary>
/// C4: the job's Claims360 actions. Export creates (or, on 409, finds) the dossier and links it;
/// "send data" updates it; "synchronise" stores the latest estimate as a new version when its version changed.
/// </summary>
public sealed class Claims360OnJob(PlanManagerDbContext db, IClaims360Api api, ConnectorGateway gateway, ConnectorSettings settings, EstimateVersions estimates, JobLogWriter log, TimeProvider clock)
{
    /// <summary>The "i" button: the first press exports, later presses send the data again.</summary>
    public async Task<Claims360JobResult> ExportOrSendAsync(int jobId, CancellationToken cancellationToken)
    {
        if (!await settings.IsEnabledAsync(ConnectorKind.Claims360, cancellationToken))
        {
            return new Claims360JobResult(Claims360JobOutcome.Disabled);
        }

        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return new Claims360JobResult(Claims360JobOutcome.NotFound);
        }

        var link = await db.Claims360JobLinks.SingleOrDefaultAsync(l => l.JobId == jobId, cancellationToken);
        var now = clock.GetUtcNow();
        if (link is not null)
        {
            var sent = await gateway.CallAsync(ConnectorPlatform.Claims360, "send data", jobId,
                ct => api.UpdateDossierAsync(link.CarrosserieId, link.DossierId, new Claims360DossierUpdate(job.Registration, Mileage(job)), ct), cancellationToken);
            if (sent.Succeeded)
            {
                link.LastSentAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            return sent.Succeeded ? new Claims360JobResult(Claims360JobOutcome.Sent) : new Claims360JobResult(Claims360JobOutcome.Failed, sent.Outcome.ToString());
        }

        var carrosserieId = await db.Claims360Setups.Where(s => s.RepairerId == job.RepairerId).Select(s => s.CarrosserieId).SingleOrDefaultAsync(cancellationToken);
        if (carrosserieId is null)
        {
            return new Claims360JobResult(Claims360JobOutcome.RepairerNotSetUp);
        }

        // The job number is the external reference: the platform answers 409 with the same dossier on a repeat.
        var request = new Claims360DossierRequest(job.Registration, Mileage(job), job.Number.ToString(CultureInfo.InvariantCulture));
        var created = await gateway.CallAsync(ConnectorPlatform.Claims360, "export job", jobId,
            ct => api.CreateDossierAsync(carrosserieId, request, ct), cancellationToken);
        var dossierId = created.Succeeded ? created.Value?.DossierId : created.Outcome == ConnectorOutcome.Conflict ? ConflictAnswer.StringProperty(created.Content, "dossierId") : null;
        if (string.IsNullOrEmpty(dossierId))
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Claims360JobResult(Claims360JobOutcome.Failed, created.Outcome.ToString());
        }

        db.Claims360JobLinks.Add(new Claims360JobLink { JobId = jobId, CarrosserieId = carrosserieId, DossierId = dossierId, LinkedAt = now, LastSentAt = now });
        log.Add(job, JobLogMessages.Claims360Exported, dossierId, LogPlatform.Claims360);
        await db.SaveChangesAsync(cancellationToken);
        return new Claims360JobResult(Claims360JobOutcome.Exported, dossierId);
    }

    /// <summary>"Synchronise job with Claims360": loads the latest estimate; a new version is stored only when the platform's version changed.</summary>
    public async Task<Claims360JobResult> SynchroniseAsync(int jobId, CancellationToken cancellationToken)
    {
        if (!await settings.IsEnabledAsync(ConnectorKind.Claims360, cancellationToken))
        {
            return new Claims360JobResult(Claims360JobOutcome.Disabled);
        }

        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        var link = await db.Claims360JobLinks.AsNoTracking().SingleOrDefaultAsync(l => l.JobId == jobId, cancellationToken);
        if (job is null)
        {
            return new Claims360JobResult(Claims360JobOutcome.NotFound);
        }

        if (link is null)
        {
            return new Claims360JobResult(Claims360JobOutcome.NotLinked);
        }

        var estimate = await gateway.CallAsync(ConnectorPlatform.Claims360, "load estimate", jobId,
            ct => api.GetEstimateAsync(link.CarrosserieId, link.DossierId, ct), cancellationToken);
        if (!estimate.Succeeded || estimate.Value is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return estimate.Outcome == ConnectorOutcome.NotFound
                ? new Claims360JobResult(Claims360JobOutcome.NoEstimateYet)
                : new Claims360JobResult(Claims360JobOutcome.Failed, estimate.Outcome.ToString());
        }

        var dto = estimate.Value;
        var known = !await estimates.AddIfNewAsync(job, LogPlatform.Claims360, dto, JobLogMessages.Claims360Estimate, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!known)
        {
            // Two presses at once: the other one stored this version.
            return new Claims360JobResult(Claims360JobOutcome.EstimateUnchanged);
        }

        return new Claims360JobResult(known ? Claims360JobOutcome.EstimateUnchanged : Claims360JobOutcome.EstimateLoaded, dto.Version.ToString(CultureInfo.InvariantCulture));
    }

    private static int? Mileage(Job job) => job.MileageAtRepair ?? job.MileageAtEstimate;
}
