using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;

namespace PlanManager.Web.Features.Administration;

/// <summary>The users, their roles and lockouts, and what the database holds.</summary>
public sealed class AdministrationOverview(PlanManagerDbContext db, TimeProvider clock)
{
    public async Task<AdministrationModel> HandleAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? string.Empty, cancellationToken);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd, u.AccessFailedCount })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = users.Select(u => new UserRow(
                u.Email ?? string.Empty,
                string.Join(", ", userRoles.Where(r => r.UserId == u.Id).Select(r => roles.GetValueOrDefault(r.RoleId)).Order()),
                u.LockoutEnd is { } end && end > now,
                u.AccessFailedCount))
            .ToList();
        var counts = new DatabaseCounts(
            await db.Jobs.CountAsync(cancellationToken),
            await db.Repairers.CountAsync(cancellationToken),
            await db.ThirdParties.CountAsync(cancellationToken),
            db.Database.ProviderName ?? string.Empty);
        return new AdministrationModel(rows, counts);
    }
}
