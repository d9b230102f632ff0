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
public sealed class ConnectorsController(ConnectorsPage page, IStringLocalizer<SharedResource> texts) : Controller
{
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

    private Task<ConnectorsPageModel> BuildAsync(ConnectorForm? invalid, CancellationToken cancellationToken) => page.HandleAsync(invalid, cancellationToken);
}

/// <summary>A connector as shown: the stored state (never the secret), and the form (with the user's input when it was refused).</summary>
public sealed record ConnectorCard(ConnectorSetting Setting, ConnectorForm Form, bool ShowErrors);

public sealed record Claims360SetupRow(int RepairerId, string Repairer, string? CarrosserieId);

public sealed record ConnectorsPageModel(IReadOnlyList<ConnectorCard> Cards, IReadOnlyList<AuditEntry> Audit, IReadOnlyList<Claims360SetupRow> Claims360Setups);
