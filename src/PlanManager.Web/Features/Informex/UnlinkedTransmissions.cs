using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Informex;

/// <summary>
/// Q4: the transmissions no job of their repairer is linked to yet, which is what the Informex Job Queue counts
/// (in the menu and on the dashboard).
/// </summary>
public static class UnlinkedTransmissions
{
    public static IQueryable<InformexTransmission> Of(PlanManagerDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.InformexTransmissions.AsNoTracking()
            .Where(t => !db.InformexJobFiles.Any(f => f.AssignmentNumber == t.AssignmentNumber && f.Job!.RepairerId == t.RepairerId));
    }
}
