using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Administration;

/// <summary>The support team's pages; connector settings join them with the connector platform.</summary>
[Authorize(Policy = IdentitySetup.SupportPolicy)]
[Route("administration")]
public sealed class AdministrationController(PlanManagerDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? string.Empty, cancellationToken);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd, u.AccessFailedCount })
            .ToListAsync(cancellationToken);
        var rows = users.Select(u => new UserRow(
                u.Email ?? string.Empty,
                string.Join(", ", userRoles.Where(r => r.UserId == u.Id).Select(r => roles.GetValueOrDefault(r.RoleId)).Order()),
                u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow,
                u.AccessFailedCount))
            .ToList();
        var counts = new DatabaseCounts(
            await db.Jobs.CountAsync(cancellationToken),
            await db.Repairers.CountAsync(cancellationToken),
            await db.ThirdParties.CountAsync(cancellationToken),
            db.Database.ProviderName ?? string.Empty);
        return View(new AdministrationModel(rows, counts));
    }
}

public sealed record UserRow(string Email, string Roles, bool LockedOut, int FailedAttempts);

public sealed record DatabaseCounts(int Jobs, int Repairers, int ThirdParties, string Provider);

public sealed record AdministrationModel(IReadOnlyList<UserRow> Users, DatabaseCounts Counts);
