using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Common;
using PlanManager.Connectors.Informex;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Informex;

public enum InformexJobOutcome
{
    Saved,
    Sent,
    SentAgain,
    Linked,
    LinkPending,
    EstimateLoaded,
    EstimateUnchanged,
    NoEstimateYet,
    NotSent,
    UnknownAssignment,
    Claims360Active,
    Disabled,
    NoMailbox,
    Invalid,
    NotFound,
    Failed,
}

public sealed record InformexJobResult(InformexJobOutcome Outcome, string? Detail = null, FluentValidation.Results.ValidationResult? Validation = null, int PhotosSent = 0, int PhotosFailed = 0);

/// <summary>
/// C5, the job's Winformex tab: saves the second-circuit data, sends the job ("i": creates the
/// bodyshop's Informex dossier once, uploads the ticked photos once each), links the insurer's
/// assignment, and loads the dossier's estimate. Nothing is sent to Informex while Claims360 is on.
/// </summary>
public sealed class InformexOnJob(
    PlanManagerDbContext db,
    IInformexApi api,
    ConnectorGateway gateway,
    ConnectorSettings settings,
    IValidator<SecondCircuitForm> validator,
    IValidator<SecondCircuitLinkForm> linkValidator,
    EstimateVersions estimates,
    OutgoingPhotos photos,
    JobLogWriter log,
    TimeProvider clock)
{
    /// <summary>"Save" keeps the data; "send" (the "i" button) saves it and sends the job.</summary>
    public async Task<InformexJobResult> SaveAsync(int jobId, SecondCircuitForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var job = await db.Jobs.Include(j => j.Owner).Include(j => j.Insurer).Include(j => j.Repairer).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return new InformexJobResult(InformexJobOutcome.NotFound);
        }

        if (form.IsSend && await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new InformexJobResult(InformexJobOutcome.Invalid, Validation: validation);
        }

        var file = await FileAsync(jobId, cancellationToken);
        form.ApplyTo(file);
        await db.SaveChangesAsync(cancellationToken);
        return form.IsSend ? await SendAsync(job, file, form.PhotoIds, cancellationToken) : new InformexJobResult(InformexJobOutcome.Saved);
    }

    /// <summary>
    /// The "i" on the job's Winformex card (the original's one press): sends with the saved second-circuit
    /// data, or the job's own fields for a job never sent, and every photo of the job not sent before.
    /// The form comes back so that what the rules refused can be shown on the Winformex page.
    /// </summary>
    public async Task<(InformexJobResult Result, SecondCircuitForm? Form)> SendFromJobAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return (new InformexJobResult(InformexJobOutcome.NotFound), null);
        }

        var file = await db.InformexJobFiles.AsNoTracking().SingleOrDefaultAsync(f => f.JobId == jobId, cancellationToken);
        var form = SecondCircuitForm.From(file, job);
        form.Command = SecondCircuitForm.SendCommand;
        form.PhotoIds = await db.JobPhotos.AsNoTracking().Where(p => p.JobId == jobId).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(cancellationToken);
        return (await SaveAsync(jobId, form, cancellationToken), form);
    }

    /// <summary>Links the insurer's original assignment; sent at once when the dossier exists, otherwise with the job.</summary>
    public async Task<InformexJobResult> LinkAsync(int jobId, SecondCircuitLinkForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await db.Jobs.AnyAsync(j => j.Id == jobId, cancellationToken))
        {
            return new InformexJobResult(InformexJobOutcome.NotFound);
        }

        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var validation = await linkValidator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new InformexJobResult(InformexJobOutcome.Invalid, Validation: validation);
        }

        var number = form.AssignmentNumber!.Trim();
        var file = await FileAsync(jobId, cancellationToken);
        if (file.DossierNumber is null)
        {
            file.AssignmentNumber = number;
            file.LinkSentAt = null;
                await db.SaveChangesAsync(cancellationToken);
            return new InformexJobResult(InformexJobOutcome.LinkPending, number);
        }

        var sent = await SendLinkAsync(file, number, cancellationToken);
        if (sent.Outcome == ConnectorOutcome.NotFound)
        {
            // Informex does not know this number in the mailbox: the link that was there stays.
            await db.SaveChangesAsync(cancellationToken);
            return new InformexJobResult(InformexJobOutcome.UnknownAssignment, number);
        }

        file.AssignmentNumber = number;
        file.LinkSentAt = sent.Succeeded ? clock.GetUtcNow() : null;
        if (sent.Succeeded)
        {
            log.Add(db, jobId, JobLogMessages.InformexLinked, number, LogPlatform.Informex);
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent.Succeeded ? new InformexJobResult(InformexJobOutcome.Linked, number) : new InformexJobResult(InformexJobOutcome.Failed, sent.Outcome.ToString());
    }

    /// <summary>Loads the linked dossier's estimate; a version already held is not stored again.</summary>
    public async Task<InformexJobResult> LoadEstimateAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return new InformexJobResult(InformexJobOutcome.NotFound);
        }

        if (!await settings.IsEnabledAsync(ConnectorKind.Informex, cancellationToken))
        {
            return new InformexJobResult(InformexJobOutcome.Disabled);
        }

        var file = await db.InformexJobFiles.AsNoTracking().SingleOrDefaultAsync(f => f.JobId == jobId, cancellationToken);
        if (file?.DossierNumber is null || file.Mailbox is null)
        {
            return new InformexJobResult(InformexJobOutcome.NotSent);
        }

        var estimate = await gateway.CallAsync(ConnectorPlatform.Informex, "load estimate", jobId,
            ct => api.GetEstimateAsync(file.Mailbox, file.DossierNumber, ct), cancellationToken);
        if (!estimate.Succeeded || estimate.Value is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return estimate.Outcome == ConnectorOutcome.NotFound
                ? new InformexJobResult(InformexJobOutcome.NoEstimateYet)
                : new InformexJobResult(InformexJobOutcome.Failed, estimate.Outcome.ToString());
        }

        var added = await estimates.AddIfNewAsync(job, LogPlatform.Informex, estimate.Value, JobLogMessages.InformexEstimate, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (added)
        {
            // Two presses at once: the other one stored this version.
            return new InformexJobResult(InformexJobOutcome.EstimateUnchanged);
        }

        return new InformexJobResult(added ? InformexJobOutcome.EstimateLoaded : InformexJobOutcome.EstimateUnchanged, estimate.Value.Version.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<InformexJobResult> SendAsync(Job job, InformexJobFile file, IReadOnlyCollection<int> photoIds, CancellationToken cancellationToken)
    {
        var sentBefore = file.DossierNumber is not null;
        if (!sentBefore)
        {
            var mailbox = job.Repairer?.ExternalReference?.Trim();
            if (string.IsNullOrEmpty(mailbox))
            {
                return new InformexJobResult(InformexJobOutcome.NoMailbox, job.Repairer?.Name);
            }

            // The job number is the platform's key: a repeat (two presses, or a crash before the number
            // was stored) answers 409 with the same dossier, so the bodyshop is never billed twice.
            var created = await gateway.CallAsync(ConnectorPlatform.Informex, "create dossier", job.Id,
                ct => api.CreateDossierAsync(mailbox, Request(job, file), ct), cancellationToken);
            var number = created.Succeeded ? created.Value?.DossierNumber : created.Outcome == ConnectorOutcome.Conflict ? ConflictAnswer.StringProperty(created.Content, "dossierNumber") : null;
            if (string.IsNullOrWhiteSpace(number))
            {
                await db.SaveChangesAsync(cancellationToken);
                return new InformexJobResult(InformexJobOutcome.Failed, created.Outcome.ToString());
            }

            file.Mailbox = mailbox;
            file.DossierNumber = number.Trim();
            file.SentAt = clock.GetUtcNow();
            log.Add(job, JobLogMessages.InformexSent, file.DossierNumber, LogPlatform.Informex);
            await db.SaveChangesAsync(cancellationToken);
        }

        var (photosSent, photosFailed) = await photos.SendAsync(job.Id, LogPlatform.Informex, photoIds,
            (photo, ct) => api.UploadPhotoAsync(file.Mailbox!, file.DossierNumber!, photo, ct), cancellationToken);
        if (file.AssignmentNumber is { } assignment && file.LinkSentAt is null)
        {
            var linked = await SendLinkAsync(file, assignment, cancellationToken);
            if (linked.Succeeded)
            {
                file.LinkSentAt = clock.GetUtcNow();
                log.Add(job, JobLogMessages.InformexLinked, assignment, LogPlatform.Informex);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new InformexJobResult(sentBefore ? InformexJobOutcome.SentAgain : InformexJobOutcome.Sent, file.DossierNumber, PhotosSent: photosSent, PhotosFailed: photosFailed);
    }

    private Task<ConnectorResult<bool>> SendLinkAsync(InformexJobFile file, string assignmentNumber, CancellationToken cancellationToken) =>
        gateway.CallAsync(ConnectorPlatform.Informex, "link second circuit", file.JobId,
            ct => api.LinkSecondCircuitAsync(file.Mailbox!, file.DossierNumber!, new InformexSecondCircuit(assignmentNumber), ct), cancellationToken);

    /// <summary>Sending is refused while Claims360 is on (the platform still sends to us) or while Informex is off.</summary>
    private async Task<InformexJobResult?> RefusedAsync(CancellationToken cancellationToken)
    {
        if (await settings.IsEnabledAsync(ConnectorKind.Claims360, cancellationToken))
        {
            return new InformexJobResult(InformexJobOutcome.Claims360Active);
        }

        return await settings.IsEnabledAsync(ConnectorKind.Informex, cancellationToken) ? null : new InformexJobResult(InformexJobOutcome.Disabled);
    }

    private async Task<InformexJobFile> FileAsync(int jobId, CancellationToken cancellationToken)
    {
        var file = await db.InformexJobFiles.SingleOrDefaultAsync(f => f.JobId == jobId, cancellationToken);
        if (file is null)
        {
            file = new InformexJobFile { JobId = jobId };
            db.InformexJobFiles.Add(file);
        }

        return file;
    }

    internal static InformexDossierRequest Request(Job job, InformexJobFile file) => new(
        JobNumber: job.Number.ToString(CultureInfo.InvariantCulture),
        LicensePlate: job.Registration,
        Vin: file.Vin ?? job.Vin,
        Make: job.Make,
        Model: job.Model,
        FirstRegistration: file.FirstRegistration ?? job.FirstRegistration,
        Mileage: file.MileageUnknown ? null : file.Mileage,
        PowerKw: file.PowerKw,
        CylinderCc: file.CylinderCc,
        Co2: file.Co2,
        EngineType: file.EngineType,
        ParticleFilter: file.ParticleFilter,
        PreviousDamage: file.PreviousDamage,
        BreakIn: file.BreakIn,
        OwnerName: job.Owner?.Name,
        InsurerName: job.Insurer?.Name,
        ClaimNumber: job.ClaimNumber);
}
