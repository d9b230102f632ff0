using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Repairers;

/// <summary>The repairers list (search by name, city or VAT number) and one repairer's form.</summary>
public sealed class RepairerPages(PlanManagerDbContext db)
{
    public async Task<RepairerListModel> ListAsync(string? q, int? page, CancellationToken cancellationToken)
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
        return new RepairerListModel(q, rows);
    }

    public async Task<RepairerForm?> FormAsync(int id, CancellationToken cancellationToken)
    {
        var repairer = await db.Repairers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return repairer is null ? null : RepairerForm.From(repairer);
    }
}
