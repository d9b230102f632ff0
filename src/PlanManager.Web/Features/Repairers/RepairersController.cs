using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Repairers;

[Route("repairers")]
public sealed class RepairersController(PlanManagerDbContext db, IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        var query = db.Repairers.AsNoTracking();
        if (Domain.Text.Clean(q) is { } text)
        {
            // Upper on both sides: LIKE ignores case on SQLite and SQL Server's default collation, not on PostgreSQL.
            var term = text.ToUpperInvariant();
            query = query.Where(r => r.Name.ToUpper().Contains(term) || (r.City != null && r.City.ToUpper().Contains(term)) || (r.VatNumber != null && r.VatNumber.ToUpper().Contains(term)));
        }

        var rows = await query.OrderBy(r => r.Name)
            .Select(r => new RepairerRow(r.Id, r.Name, r.City, r.Country, r.VatNumber, r.ExternalReference))
            .ToPageAsync(page, Paging.DefaultPageSize, cancellationToken);
        return View(new RepairerListModel(q, rows));
    }

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new RepairerForm());

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var repairer = await db.Repairers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return repairer is null ? NotFound() : View(RepairerForm.From(repairer));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(RepairerForm form, [FromServices] SaveRepairer save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, save, cancellationToken);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, RepairerForm form, [FromServices] SaveRepairer save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, save, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(RepairerForm form, SaveRepairer save, CancellationToken cancellationToken)
    {
        var result = await save.HandleAsync(form, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.Saved:
                TempData["Success"] = texts["Repairer.Saved", form.Name ?? string.Empty].Value;
                return RedirectToAction(nameof(Index));
            case CommandOutcome.NotFound:
                return NotFound();
            default:
                result.Validation?.AddTo(ModelState);
                return View("Edit", form);
        }
    }
}

public sealed record RepairerRow(int Id, string Name, string? City, string? Country, string? VatNumber, string? ExternalReference);

public sealed record RepairerListModel(string? Query, Page<RepairerRow> Rows);
