using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Portal;

public enum LookupOutcome
{
    Found,
    NoMatch,
    RateLimited,
}

public sealed record LookupResult(LookupOutcome Outcome, int? JobId = null);

/// <summary>
/// Finds a job of the portal's repairer by licence plate + job number. A wrong plate, a wrong
/// number or a wrong pair all answer NoMatch, so the answer tells nothing about which was wrong.
/// </summary>
public sealed class PortalLookup(PlanManagerDbContext db, PortalLookupLimiter limiter)
{
    public async Task<LookupResult> FindAsync(int repairerId, string? registration, string? jobNumber, string client, CancellationToken cancellationToken)
    {
        var plate = SearchKey.Normalize(registration);
        if (!await limiter.TryAcquireAsync(client, plate, cancellationToken))
        {
            return new LookupResult(LookupOutcome.RateLimited);
        }

        if (plate.Length == 0 || !int.TryParse(jobNumber?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return new LookupResult(LookupOutcome.NoMatch);
        }

        var id = await db.Jobs.AsNoTracking()
            .Where(j => j.Number == number && j.RepairerId == repairerId && j.RegistrationKey == plate)
            .Select(j => (int?)j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? new LookupResult(LookupOutcome.NoMatch) : new LookupResult(LookupOutcome.Found, id);
    }
}
