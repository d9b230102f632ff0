using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.ThirdParties;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.JobQueue;

public enum DecisionOutcome
{
    Done,
    NotFound,
    AlreadyDecided,
    Invalid,
    PlatformRefused,
    NoRepairer,
}

public sealed record DecisionResult(DecisionOutcome Outcome, int? JobId = null, ConnectorOutcome? PlatformOutcome = null, ValidationResult? Validation = null);

/// <summary>The deny (CAPS) or reject (AudatexUK) dialog: the reason is required.</summary>
public sealed class DenyForm
{
    public string? Reason { get; set; }
}

public sealed class DenyFormValidator : AbstractValidator<DenyForm>
{
    public const int ReasonLength = 500;

    public DenyFormValidator(IStringLocalizer<SharedResource> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RuleFor(f => f.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(texts["Queue.ReasonRequired"])
            // Refused, never cut: the platform gets the reason as typed or not at all.
            .Must(r => r is null || r.Trim().Length <= ReasonLength)
            .WithMessage(f => texts["Queue.ReasonTooLong", f.Reason!.Trim().Length, ReasonLength]);
    }
}

/// <summary>
/// Accepts or denies a Job Queue item (Q1, Q2). Accept creates the job and tells the platform in one
/// transaction: the platform's refusal rolls the job (and its job number) back, so the item stays
/// waiting, or leaves the queue as "decided elsewhere" when the platform says it was already decided.
/// </summary>
public sealed class DecideQueueItem(
    PlanManagerDbContext db,
    ICapsApi caps,
    IAudatexUkApi audatex,
    ConnectorGateway gateway,
    JobLogWriter log,
    OpenJob openJob,
    PlatformParties parties,
    IValidator<DenyForm> validator,
    IHttpContextAccessor http,
    TimeProvider clock,
    DisplayTime displayTime)
{
    private string UserName => http.HttpContext?.User.Identity?.Name ?? JobLogWriter.System;

    public async Task<DecisionResult> AcceptAsync(ConnectorKind platform, int id, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The counter row's write lock comes first, so two accepts of one item run one after the other.
            await JobNumberAllocator.LockAsync(db, ct);
            var item = await db.QueueItems.SingleOrDefaultAsync(q => q.Id == id && q.Platform == platform, ct);
            if (item is null)
            {
                return new DecisionResult(DecisionOutcome.NotFound);
            }

            if (!item.IsWaiting)
            {
                return new DecisionResult(DecisionOutcome.AlreadyDecided, item.JobId);
            }

            var repairerId = await RepairerForAsync(ct);
            if (repairerId is null)
            {
                return new DecisionResult(DecisionOutcome.NoRepairer);
            }

            var now = clock.GetUtcNow();
            var details = new JobDetails(repairerId.Value, item.Registration)
            {
                Make = item.Make,
                Model = item.Model,
                Vin = item.Vin,
                ClaimNumber = item.ClaimNumber,
                CommentsDamage = item.DamageDescription,
                DamageFlow = DamageFlow.Insurance,
                StartDate = displayTime.DayOf(now),
            };
            var job = await openJob.HandleAsync(Platforms.Source(platform), details, ct);
            foreach (var party in new[]
            {
                await parties.InsurerAsync(item.InsurerCapsCode, item.InsurerName, ct),
                await parties.OwnerAsync(item.CustomerName, item.CustomerPhone, item.CustomerEmail, ct),
            }.OfType<ThirdParty>())
            {
                job.LinkNewParty(party);
            }

            log.Add(job, JobLogMessages.QueueAccepted, item.ExternalId, Platforms.LogPlatform(platform));
            await db.SaveChangesAsync(ct);

            var jobNumber = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var told = platform == ConnectorKind.Caps
                ? await gateway.CallAsync(ConnectorPlatform.Caps, "accept offer", job.Id, c => caps.AcceptOfferAsync(item.ExternalId, new CapsAcceptRequest(jobNumber), c), ct)
                : await gateway.CallAsync(ConnectorPlatform.AudatexUk, "accept claim", job.Id, c => audatex.AcceptClaimAsync(item.ExternalId, new AudatexAcceptRequest(jobNumber), c), ct);
            if (!told.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await RefusedAsync(platform, id, told.Outcome, ct);
            }

            item.Decide(QueueItemStatus.Accepted, UserName, now, null, job.Id);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new DecisionResult(DecisionOutcome.Done, job.Id);
        }, cancellationToken);

        return result;
    }

    public async Task<DecisionResult> DenyAsync(ConnectorKind platform, int id, DenyForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new DecisionResult(DecisionOutcome.Invalid, Validation: validation);
        }

        var item = await db.QueueItems.SingleOrDefaultAsync(q => q.Id == id && q.Platform == platform, cancellationToken);
        if (item is null)
        {
            return new DecisionResult(DecisionOutcome.NotFound);
        }

        if (!item.IsWaiting)
        {
            return new DecisionResult(DecisionOutcome.AlreadyDecided, item.JobId);
        }

        var reason = form.Reason!.Trim();
        var told = platform == ConnectorKind.Caps
            ? await gateway.CallAsync(ConnectorPlatform.Caps, "decline offer", null, c => caps.DeclineOfferAsync(item.ExternalId, new CapsDeclineRequest(reason), c), cancellationToken)
            : await gateway.CallAsync(ConnectorPlatform.AudatexUk, "reject claim", null, c => audatex.RejectClaimAsync(item.ExternalId, new AudatexRejectRequest(reason), c), cancellationToken);
        if (!told.Succeeded)
        {
            return await RefusedAsync(platform, id, told.Outcome, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var user = UserName;

        // Only a still-waiting item is marked: a colleague's accept in the meantime is not overwritten.
        await db.QueueItems.Where(q => q.Id == id && q.Status == QueueItemStatus.Waiting).ExecuteUpdateAsync(s => s
            .SetProperty(q => q.Status, QueueItemStatus.Declined)
            .SetProperty(q => q.DecidedAt, now)
            .SetProperty(q => q.DecidedBy, user)
            .SetProperty(q => q.Reason, reason), cancellationToken);
        return new DecisionResult(DecisionOutcome.Done);
    }

    /// <summary>The platform said no. "Already decided" (409) takes the item out of the queue; anything else leaves it waiting.</summary>
    private async Task<DecisionResult> RefusedAsync(ConnectorKind platform, int id, ConnectorOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome == ConnectorOutcome.Conflict)
        {
            var now = clock.GetUtcNow();
            var user = UserName;
            await db.QueueItems.Where(q => q.Id == id && q.Platform == platform && q.Status == QueueItemStatus.Waiting).ExecuteUpdateAsync(s => s
                .SetProperty(q => q.Status, QueueItemStatus.DecidedElsewhere)
                .SetProperty(q => q.DecidedAt, now)
                .SetProperty(q => q.DecidedBy, user), cancellationToken);
        }

        return new DecisionResult(DecisionOutcome.PlatformRefused, PlatformOutcome: outcome);
    }

    /// <summary>The UK platforms' jobs go to a UK repairer (the first by name), else to the first repairer.</summary>
    private async Task<int?> RepairerForAsync(CancellationToken cancellationToken) =>
        await db.Repairers.AsNoTracking()
            .OrderBy(r => r.Country == "GB" || r.Country == "UK" ? 0 : 1).ThenBy(r => r.Name)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
