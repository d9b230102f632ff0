using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Administration;

/// <summary>Support switches the connectors and the portal on or off and holds their credentials (C6).</summary>
[Authorize(Policy = IdentitySetup.SupportPolicy)]
[Route("administration/connectors")]
public sealed class ConnectorsController(PlanManagerDbContext db, IStringLocalizer<SharedResource> texts) : Controller
{
    public const int AuditRows = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await BuildAsync(null, cancellationToken));

    [HttpPost("{kind}")]
    public async Task<IActionResult> Save(ConnectorKind kind, ConnectorForm form, [FromServices] SaveConnectorSetting save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Kind = kind;
        if (!ModelState.IsValid)
        {
            return View("Index", await BuildAsync(form, cancellationToken));
        }

        var result = await save.HandleAsync(form, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.Saved:
                TempData["Success"] = texts["Connector.Saved", texts[$"Connector.{kind}"]].Value;
                return Redirect(Url.Action(nameof(Index))! + "#connector-" + kind.ToString().ToLowerInvariant());
            case CommandOutcome.NotFound:
                return NotFound();
            default:
                result.Validation?.AddTo(ModelState);
                return View("Index", await BuildAsync(form, cancellationToken));
        }
    }

    [HttpPost("{kind}/test")]
    public async Task<IActionResult> Test(ConnectorKind kind, [FromServices] ConnectorHealthCheck check, CancellationToken cancellationToken)
    {
        var setting = await check.RunAsync(kind, cancellationToken);
        if (setting is null)
        {
            TempData["Error"] = texts["Connector.TestOff", texts[$"Connector.{kind}"]].Value;
        }
        else if (setting.LastCheckOk == true)
        {
            TempData["Success"] = texts["Connector.TestOk", texts[$"Connector.{kind}"]].Value;
        }
        else
        {
            TempData["Error"] = texts["Connector.TestFailed", texts[$"Connector.{kind}"], setting.LastCheckDetail ?? string.Empty].Value;
        }

        return Redirect(Url.Action(nameof(Index))! + "#connector-" + kind.ToString().ToLowerInvariant());
    }

    private async Task<ConnectorsPageModel> BuildAsync(ConnectorForm? invalid, CancellationToken cancellationToken)
    {
        var settings = await db.ConnectorSettings.AsNoTracking().OrderBy(s => s.Kind).ToListAsync(cancellationToken);
        var cards = settings.Select(s => new ConnectorCard(
                s,
                invalid?.Kind == s.Kind ? invalid : new ConnectorForm { Kind = s.Kind, Enabled = s.Enabled, SiteCode = s.SiteCode, Claims360Queueing = s.Claims360Queueing },
                invalid?.Kind == s.Kind))
            .ToList();
        var audit = await db.Audit.AsNoTracking().Where(a => a.Area == "Connectors")
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(AuditRows)
            .ToListAsync(cancellationToken);
        var claims360Setups = await db.Repairers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new Claims360SetupRow(r.Id, r.Name, db.Claims360Setups.Where(c => c.RepairerId == r.Id).Select(c => c.CarrosserieId).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new ConnectorsPageModel(cards, audit, claims360Setups);
    }
}

/// <summary>A connector as shown: the stored state (never the secret), and the form (with the user's input when it was refused).</summary>
public sealed record ConnectorCard(ConnectorSetting Setting, ConnectorForm Form, bool ShowErrors);

public sealed record Claims360SetupRow(int RepairerId, string Repairer, string? CarrosserieId);

public sealed record ConnectorsPageModel(IReadOnlyList<ConnectorCard> Cards, IReadOnlyList<AuditEntry> Audit, IReadOnlyList<Claims360SetupRow> Claims360Setups);
