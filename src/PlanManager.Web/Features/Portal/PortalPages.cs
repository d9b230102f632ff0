using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Portal;

/// <summary>What the portal shows of a repairer (P5): name and address, nothing else.</summary>
public sealed record PortalRepairer(int Id, string Name, string? Street, string? PostalCode, string? City);

/// <summary>What P3 shows of a job: its status, current task and estimated completion date, and nothing else.</summary>
public sealed record PortalJobStatus(int Number, string Registration, JobStatus Status, string? CurrentTask, DateOnly? EstimatedCompletionDate);

public sealed class PortalPages(PlanManagerDbContext db)
{
    public Task<List<PortalRepairer>> RepairersAsync(CancellationToken cancellationToken) =>
        db.Repairers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new PortalRepairer(r.Id, r.Name, r.Street, r.PostalCode, r.City))
            .ToListAsync(cancellationToken);

    public Task<PortalRepairer?> RepairerAsync(int id, CancellationToken cancellationToken) =>
        db.Repairers.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new PortalRepairer(r.Id, r.Name, r.Street, r.PostalCode, r.City))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<PortalJobStatus> StatusAsync(int jobId, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new PortalJobStatus(j.Number, j.Registration, j.Status, j.CurrentTask, j.EstimatedCompletionDate))
            .SingleAsync(cancellationToken);
}

/// <summary>
/// After plate + job number matched (P4 step 1), the photo step carries this ticket instead of the
/// job's id: signed and encrypted, for one repairer's job, valid for half an hour.
/// </summary>
public sealed class PortalTicket(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("PlanManager.Portal.PhotoTicket").ToTimeLimitedDataProtector();

    public const int Minutes = 30;

    public string Issue(int repairerId, int jobId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{repairerId}:{jobId}"), clock.GetUtcNow().AddMinutes(Minutes));

    public int? JobOf(int repairerId, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            var value = _protector.Unprotect(ticket, out var expiration);
            return expiration >= clock.GetUtcNow()
                && value.Split(':') is [var r, var j]
                && r == repairerId.ToString(CultureInfo.InvariantCulture)
                && int.TryParse(j, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId)
                ? jobId
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>The portal does not exist (404) unless support switched it on (C6).</summary>
public sealed class PortalEnabledFilter(ConnectorSettings connectors) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!await connectors.IsEnabledAsync(ConnectorKind.Portal, context.HttpContext.RequestAborted))
        {
            // Still "not found" for a caller, but said to the customer in the portal's own layout.
            if (context.Controller is Controller controller)
            {
                var closed = controller.View("Closed");
                closed.StatusCode = StatusCodes.Status404NotFound;
                context.Result = closed;
            }
            else
            {
                context.Result = new NotFoundResult();
            }

            return;
        }

        await next();
    }
}
