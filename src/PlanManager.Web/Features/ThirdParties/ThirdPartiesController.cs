using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.ThirdParties;

/// <summary>Owners, insurers and agents (T1): one editor, the kind in the address.</summary>
[Route("third-parties/{kind:regex(^(owners|insurers|agents)$)}")]
public sealed class ThirdPartiesController(ThirdPartyPages pages, ConnectorSettings connectors, IStringLocalizer<SharedResource> texts) : Controller
{
    public const string CapsEnabledKey = "CapsEnabled";

    public const int LookupLimit = 15;

    [HttpGet("")]
    public async Task<IActionResult> Index(string kind, string? q, int? page, int? size, CancellationToken cancellationToken)
    {
        var partyKind = ParseKind(kind);
        return View(new ThirdPartyListModel(partyKind, kind, q, await pages.ListAsync(partyKind, q, page, size, cancellationToken)));
    }

    /// <summary>The job screen's pickers ask here as the user types.</summary>
    [HttpGet("lookup")]
    public async Task<IActionResult> Lookup(string kind, string? q, CancellationToken cancellationToken)
    {
        var rows = await pages.LookupAsync(ParseKind(kind), q, LookupLimit, cancellationToken);
        return Json(rows.Select(r => new { id = r.Id, name = r.Name, city = r.City }));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(string kind, CancellationToken cancellationToken)
    {
        await FlagCapsAsync(cancellationToken);
        return View("Edit", new ThirdPartyForm { Kind = ParseKind(kind) });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(string kind, int id, CancellationToken cancellationToken)
    {
        var partyKind = ParseKind(kind);
        var party = await pages.FindAsync(partyKind, id, cancellationToken);
        if (party is null)
        {
            return NotFound();
        }

        ViewData["LinkedJobs"] = await pages.LinkedJobsAsync(id, cancellationToken);
        await FlagCapsAsync(cancellationToken);
        return View(ThirdPartyForm.From(party));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(string kind, ThirdPartyForm form, [FromServices] SaveThirdParty save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        form.Kind = ParseKind(kind);
        return SaveAsync(kind, form, save, cancellationToken);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(string kind, int id, ThirdPartyForm form, [FromServices] SaveThirdParty save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        form.Kind = ParseKind(kind);
        return SaveAsync(kind, form, save, cancellationToken);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(string kind, int id, [FromServices] DeleteThirdParty delete, CancellationToken cancellationToken)
    {
        var result = await delete.HandleAsync(ParseKind(kind), id, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Conflict:
                TempData["Error"] = texts["ThirdParty.InUse"].Value;
                return RedirectToAction(nameof(Edit), new { kind, id });
            default:
                TempData["Success"] = texts["ThirdParty.Deleted"].Value;
                return RedirectToAction(nameof(Index), new { kind });
        }
    }

    private async Task<IActionResult> SaveAsync(string kind, ThirdPartyForm form, SaveThirdParty save, CancellationToken cancellationToken)
    {
        var result = await save.HandleAsync(form, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.Saved:
                TempData["Success"] = texts["ThirdParty.Saved", form.Name ?? string.Empty].Value;
                return RedirectToAction(nameof(Index), new { kind });
            case CommandOutcome.NotFound:
                return NotFound();
            default:
                result.Validation?.AddTo(ModelState);
                await FlagCapsAsync(cancellationToken);
                return View("Edit", form);
        }
    }

    /// <summary>The Caps Code field shows only while the CAPS connection is on (T2).</summary>
    private async Task FlagCapsAsync(CancellationToken cancellationToken) =>
        ViewData[CapsEnabledKey] = await connectors.IsEnabledAsync(ConnectorKind.Caps, cancellationToken);

    internal static ThirdPartyKind ParseKind(string kind) => kind switch
    {
        "insurers" => ThirdPartyKind.Insurer,
        "agents" => ThirdPartyKind.Agent,
        _ => ThirdPartyKind.Owner,
    };

    internal static string Segment(ThirdPartyKind kind) => kind switch
    {
        ThirdPartyKind.Insurer => "insurers",
        ThirdPartyKind.Agent => "agents",
        _ => "owners",
    };
}

public sealed record ThirdPartyRow(int Id, string Name, string? City, string? Phone, string? Email, string? VatNumber);

public sealed record ThirdPartyListModel(ThirdPartyKind Kind, string Segment, string? Query, Page<ThirdPartyRow> Rows);

