using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

/// <summary>
/// Saves a repairer's Claims360 set-up (C2), keys encrypted. Staff may only create one; replacing
/// an existing set-up is for Support (the administration page passes <c>replace: true</c>).
/// </summary>
public sealed class SaveClaims360Setup(
    PlanManagerDbContext db,
    IValidator<Claims360SetupForm> validator,
    SecretProtector secrets,
    AuditWriter audit,
    IHttpContextAccessor http,
    TimeProvider clock,
    IStringLocalizer<SharedResource> texts)
{
    public async Task<CommandResult> HandleAsync(Claims360SetupForm form, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        if (!await db.Repairers.AnyAsync(r => r.Id == form.RepairerId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        var carrosserieId = form.CarrosserieId!.Trim();
        if (await db.Claims360Setups.AnyAsync(s => s.CarrosserieId == carrosserieId && s.RepairerId != form.RepairerId, cancellationToken))
        {
            return CommandResult.Invalid(nameof(Claims360SetupForm.CarrosserieId), texts["Claims360.CarrosserieTaken"]);
        }

        var setup = await db.Claims360Setups.SingleOrDefaultAsync(s => s.RepairerId == form.RepairerId, cancellationToken);
        if (setup is not null && !replace)
        {
            // Read-only for staff once saved.
            return CommandResult.Conflict;
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
        setup.ProtectedBodyshopKey = secrets.Protect(form.BodyshopKey!.Trim());
        setup.ProtectedPlanManagerKey = secrets.Protect(form.PlanManagerKey!.Trim());
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
            return CommandResult.Conflict;
        }

        return CommandResult.Saved(form.RepairerId);
    }
}
