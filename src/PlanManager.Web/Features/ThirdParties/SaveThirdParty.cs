using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.ThirdParties;

public sealed class SaveThirdParty(PlanManagerDbContext db, IValidator<ThirdPartyForm> validator, ConnectorSettings connectors)
{
    public async Task<CommandResult> HandleAsync(ThirdPartyForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        ThirdParty? party;
        if (form.Id is { } id)
        {
            party = await db.ThirdParties.SingleOrDefaultAsync(t => t.Id == id && t.Kind == form.Kind, cancellationToken);
            if (party is null)
            {
                return CommandResult.NotFound;
            }
        }
        else
        {
            party = new ThirdParty();
            db.ThirdParties.Add(party);
        }

        form.ApplyTo(party, await connectors.IsEnabledAsync(ConnectorKind.Caps, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(party.Id);
    }
}

/// <summary>Deletes a third party that no job refers to; a linked one is kept, with the reason shown.</summary>
public sealed class DeleteThirdParty(PlanManagerDbContext db)
{
    public async Task<CommandResult> HandleAsync(ThirdPartyKind kind, int id, CancellationToken cancellationToken)
    {
        var party = await db.ThirdParties.SingleOrDefaultAsync(t => t.Id == id && t.Kind == kind, cancellationToken);
        if (party is null)
        {
            return CommandResult.NotFound;
        }

        if (await db.Jobs.AnyAsync(j => j.OwnerId == id || j.InsurerId == id || j.AgentId == id, cancellationToken))
        {
            return CommandResult.Conflict;
        }

        db.ThirdParties.Remove(party);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(id);
    }
}
