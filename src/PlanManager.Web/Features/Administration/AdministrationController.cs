using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Administration;

/// <summary>The support team's pages; connector settings join them with the connector platform.</summary>
[Authorize(Policy = IdentitySetup.SupportPolicy)]
[Route("administration")]
public sealed class AdministrationController(AdministrationOverview overview) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await overview.HandleAsync(cancellationToken));
}

public sealed record UserRow(string Email, string Roles, bool LockedOut, int FailedAttempts);

public sealed record DatabaseCounts(int Jobs, int Repairers, int ThirdParties, string Provider);

public sealed record AdministrationModel(IReadOnlyList<UserRow> Users, DatabaseCounts Counts);
