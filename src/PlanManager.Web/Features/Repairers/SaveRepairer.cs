using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Repairers;

/// <summary>Creates or updates a repairer; names are unique so the job screen's location is unambiguous.</summary>
public sealed class SaveRepairer(PlanManagerDbContext db, IValidator<RepairerForm> validator, IStringLocalizer<SharedResource> texts)
{
    public async Task<CommandResult> HandleAsync(RepairerForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var name = Text.Clean(form.Name)!;
        if (await db.Repairers.AnyAsync(r => r.Name == name && r.Id != form.Id, cancellationToken))
        {
            return CommandResult.Invalid(nameof(RepairerForm.Name), texts["Repairer.NameTaken"]);
        }

        Repairer? repairer;
        if (form.Id is { } id)
        {
            repairer = await db.Repairers.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (repairer is null)
            {
                return CommandResult.NotFound;
            }
        }
        else
        {
            repairer = new Repairer();
            db.Repairers.Add(repairer);
        }

        form.ApplyTo(repairer);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(repairer.Id);
    }
}
