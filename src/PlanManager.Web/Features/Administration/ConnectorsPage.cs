using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;

namespace PlanManager.Web.Features.Administration;

/// <summary>The connectors page: each connector's card, the audit trail, the Claims360 set-up of each repairer.</summary>
public sealed class ConnectorsPage(PlanManagerDbContext db)
{
    public const int AuditRows = 20;

    public async Task<ConnectorsPageModel> HandleAsync(ConnectorForm? invalid, CancellationToken cancellationToken)
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
