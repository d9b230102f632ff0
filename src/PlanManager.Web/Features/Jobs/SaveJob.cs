using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Jobs;

/// <summary>
/// Creates or updates a job from the job screen. Everything (the job, a new owner, the job
/// number, the log lines) is saved in one transaction: a refusal saves nothing.
/// </summary>
public sealed class SaveJob(
    PlanManagerDbContext db,
    IValidator<JobForm> validator,
    OpenJob openJob,
    JobLogWriter log,
    TimeProvider clock,
    DisplayTime time,
    IStringLocalizer<SharedResource> texts)
{
    public async Task<CommandResult> HandleAsync(JobForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        await CheckReferencesAsync(form, validation, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = form.Id is null ? await CreateAsync(form, ct) : await UpdateAsync(form, ct);
            if (result.Outcome == CommandOutcome.Saved)
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>An off site time as typed (the bodyshop's wall clock) as the moment it stands for.</summary>
    private DateTimeOffset FromBodyshopTime(DateTime local) => time.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));

    private async Task<CommandResult> CreateAsync(JobForm form, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var job = await openJob.HandleAsync(JobSource.Staff, form.ToDetails(), cancellationToken);
        job.SetVehicleIn(form.VehicleIn, now);
        if (form.OffSiteAt is { } offSite)
        {
            job.MarkOffSite(FromBodyshopTime(offSite));
        }

        AttachNewOwner(form, job);
        if (job.VehicleIn)
        {
            log.Add(job, JobLogMessages.VehicleIn);
        }

        if (job.OffSiteDate is not null)
        {
            log.Add(job, JobLogMessages.OffSite);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(job.Id);
    }

    private async Task<CommandResult> UpdateAsync(JobForm form, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == form.Id, cancellationToken);
        if (job is null)
        {
            return CommandResult.NotFound;
        }

        if (form.ConcurrencyStamp != job.ConcurrencyStamp)
        {
            return CommandResult.Conflict;
        }

        var now = clock.GetUtcNow();
        var before = db.Entry(job).CurrentValues.Clone();
        var oldStatus = job.Status;
        var storedOffSite = job.OffSiteDate is { } stored ? JobForm.ToMinute(time.Local(stored).DateTime) : (DateTime?)null;
        var typedOffSite = form.OffSiteAt is { } typed ? JobForm.ToMinute(typed) : (DateTime?)null;
        job.Edit(form.ToDetails());
        AttachNewOwner(form, job);

        if (job.SetVehicleIn(form.VehicleIn, now))
        {
            log.Add(job, job.VehicleIn ? JobLogMessages.VehicleIn : JobLogMessages.VehicleOut);
        }

        // The off site date is typed like any other date; only a changed value is applied, so an old
        // date left in the field does not send a car that came back in off site again.
        if (typedOffSite != storedOffSite)
        {
            if (typedOffSite is { } at)
            {
                job.MarkOffSite(FromBodyshopTime(at));
                log.Add(job, JobLogMessages.OffSite);
            }
            else if (job.OffSiteDate is not null)
            {
                job.ClearOffSite();
                log.Add(job, JobLogMessages.OffSiteCleared);
            }
        }

        if (job.Status != oldStatus)
        {
            log.Add(job, JobLogMessages.StatusChanged, $"{oldStatus}|{job.Status}");
        }

        var changed = db.Entry(job).Properties
            .Where(p => !Equals(before[p.Metadata.Name], p.CurrentValue))
            .Select(p => p.Metadata.Name)
            .Where(name => name is not nameof(Job.Status) and not nameof(Job.VehicleIn) and not nameof(Job.VehicleInSince)
                and not nameof(Job.OffSiteDate) and not nameof(Job.RegistrationKey) and not nameof(Job.ClaimNumberKey))
            .ToList();
        if (changed.Count > 0)
        {
            log.Add(job, JobLogMessages.Updated, string.Join(", ", changed));
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return CommandResult.Saved(job.Id);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict;
        }

        return CommandResult.Saved(job.Id);
    }

    /// <summary>A receptionist types a new customer's name in the owner picker: the owner is created with the job.</summary>
    private void AttachNewOwner(JobForm form, Job job)
    {
        if (form.OwnerId is not null || Text.Clean(form.OwnerName) is not { } name)
        {
            return;
        }

        var owner = new ThirdParty { Kind = ThirdPartyKind.Owner, Name = name };
        owner.RefreshSearchKeys();
        db.ThirdParties.Add(owner);
        job.LinkNewParty(owner);
        log.Add(job, JobLogMessages.OwnerCreated, name);
    }

    private async Task CheckReferencesAsync(JobForm form, ValidationResult validation, CancellationToken cancellationToken)
    {
        if (form.RepairerId is { } repairerId && !await db.Repairers.AnyAsync(r => r.Id == repairerId, cancellationToken))
        {
            validation.Errors.Add(new ValidationFailure(nameof(JobForm.RepairerId), texts["Job.Validation.UnknownRepairer"]));
        }

        await CheckPartyAsync(form.OwnerId, ThirdPartyKind.Owner, nameof(JobForm.OwnerName), validation, cancellationToken);
        await CheckPartyAsync(form.InsurerId, ThirdPartyKind.Insurer, nameof(JobForm.InsurerName), validation, cancellationToken);
        await CheckPartyAsync(form.AgentId, ThirdPartyKind.Agent, nameof(JobForm.AgentName), validation, cancellationToken);
    }

    private async Task CheckPartyAsync(int? id, ThirdPartyKind kind, string field, ValidationResult validation, CancellationToken cancellationToken)
    {
        if (id is { } partyId && !await db.ThirdParties.AnyAsync(t => t.Id == partyId && t.Kind == kind, cancellationToken))
        {
            validation.Errors.Add(new ValidationFailure(field, texts["Job.Validation.PickFromList"]));
        }
    }
}
