using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

/// <summary>What saving a set-up came to; <paramref name="Warning"/> when it was saved without the keys being checked.</summary>
public sealed record Claims360SetupResult(CommandResult Result, string? Warning = null)
{
    public CommandOutcome Outcome => Result.Outcome;
    public FluentValidation.Results.ValidationResult? Validation => Result.Validation;
}

/// <summary>
/// Saves a repairer's Claims360 set-up (C2), keys encrypted, once Claims360 has accepted them (decision 0017):
/// refused keys or an unknown carrosserie id are not saved; a platform that does not answer saves with a warning. Staff may only create one; replacing
/// an existing set-up is for Support (the administration page passes <c>replace: true</c>).
/// </summary>
public sealed class SaveClaims360Setup(
    PlanManagerDbContext db,
    IValidator<Claims360SetupForm> validator,
    SecretProtector secrets,
    CheckClaims360Keys check,
    AuditWriter audit,
    IHttpContextAccessor http,
    TimeProvider clock,
    IStringLocalizer<SharedResource> texts)
{
    public async Task<Claims360SetupResult> HandleAsync(Claims360SetupForm form, bool replace, CancellationToken cancellationToken)
    {
        var (result, verdict) = await SaveAsync(form, replace, cancellationToken);
        var warning = result.Outcome != CommandOutcome.Saved ? null : verdict?.Outcome switch
        {
            Claims360KeyCheckOutcome.ConnectorOff => texts["Claims360.KeysNotCheckedOff"].Value,
            Claims360KeyCheckOutcome.NotChecked => texts["Claims360.KeysNotChecked", verdict.Detail ?? string.Empty].Value,
            _ => null,
        };
        return new Claims360SetupResult(result, warning);
    }

    private async Task<(CommandResult, Claims360KeyCheck?)> SaveAsync(Claims360SetupForm form, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return (CommandResult.Invalid(validation), null);
        }

        if (!await db.Repairers.AnyAsync(r => r.Id == form.RepairerId, cancellationToken))
        {
            return (CommandResult.NotFound, null);
        }

        var carrosserieId = form.CarrosserieId!.Trim();
        if (await db.Claims360Setups.AnyAsync(s => s.CarrosserieId == carrosserieId && s.RepairerId != form.RepairerId, cancellationToken))
        {
            return (CommandResult.Invalid(nameof(Claims360SetupForm.CarrosserieId), texts["Claims360.CarrosserieTaken"]), null);
        }

        if (!replace && await db.Claims360Setups.AnyAsync(s => s.RepairerId == form.RepairerId, cancellationToken))
        {
            // Read-only for staff once saved (and not worth a call to the platform).
            return (CommandResult.Conflict, null);
        }

        var bodyshopKey = form.BodyshopKey!.Trim();
        var planManagerKey = form.PlanManagerKey!.Trim();
        var verdict = await check.CheckAsync(carrosserieId, bodyshopKey, planManagerKey, cancellationToken);
        switch (verdict.Outcome)
        {
            case Claims360KeyCheckOutcome.KeysRefused:
                var refused = texts["Claims360.KeysRefused"].Value;
                return (CommandResult.Invalid(new FluentValidation.Results.ValidationResult(
                [
                    new FluentValidation.Results.ValidationFailure(nameof(Claims360SetupForm.BodyshopKey), refused),
                    new FluentValidation.Results.ValidationFailure(nameof(Claims360SetupForm.PlanManagerKey), refused),
                ])), verdict);
            case Claims360KeyCheckOutcome.UnknownCarrosserie:
                return (CommandResult.Invalid(nameof(Claims360SetupForm.CarrosserieId), texts["Claims360.CarrosserieUnknown"]), verdict);
        }

        var setup = await db.Claims360Setups.SingleOrDefaultAsync(s => s.RepairerId == form.RepairerId, cancellationToken);
        if (setup is not null && !replace)
        {
            return (CommandResult.Conflict, null);
        }

        if (setup is null)
        {
            setup = new Claims360Setup { RepairerId = form.RepairerId };
            db.Claims360Setups.Add(setup);
        }
        else if (setup.CarrosserieId != carrosserieId)
        {
            // Another bodyshop at Claims360: import its assignments from the start.
            setup.ImportedUpTo = null;
        }

        setup.CarrosserieId = carrosserieId;
        setup.ProtectedBodyshopKey = secrets.Protect(bodyshopKey);
        setup.ProtectedPlanManagerKey = secrets.Protect(planManagerKey);
        setup.ConfiguredAt = clock.GetUtcNow();
        setup.UpdatedBy = http.HttpContext?.User.Identity?.Name;
        audit.Add("Connectors", replace ? "Claims360SetupChanged" : "Claims360SetupCreated", $"repairer {form.RepairerId}, carrosserie {carrosserieId}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved this repairer's set-up a moment earlier.
            return (CommandResult.Conflict, null);
        }

        return (CommandResult.Saved(form.RepairerId), verdict);
    }
}
