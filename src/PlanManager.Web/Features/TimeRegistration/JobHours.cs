using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Features.TimeRegistration;

public sealed record DepartmentHours(Department Department, decimal Hours);

public sealed record JobHoursModel(
    int JobId,
    int JobNumber,
    string Registration,
    IReadOnlyList<DepartmentHours> Departments,
    decimal Worked,
    decimal? Estimated,
    IReadOnlyList<ClockLineRow> Lines,
    DateTimeOffset Now)
{
    /// <summary>Each technician who clocked on the job, with their hours.</summary>
    public IEnumerable<(string Technician, decimal Hours)> Technicians =>
        Lines.GroupBy(l => l.Technician).Select(g => (g.Key, ClockRules.Hours(g.Select(l => (l.StartedAt, l.EndedAt)), Now))).OrderBy(t => t.Key, StringComparer.CurrentCulture);
}

/// <summary>
/// A job's hours (W2): worked per department from its clock lines, against the labour hours of the newest
/// estimate version (Claims360 or Informex). Estimate lines carry no department, so the estimate is a total.
/// </summary>
public sealed class JobHours(PlanManagerDbContext db, TimeProvider clock)
{
    public async Task<JobHoursModel?> HandleAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.Id, j.Number, j.Registration }).SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }

        var lines = await db.ClockLines.AsNoTracking().Where(l => l.JobId == jobId).OrderBy(l => l.StartedAt).ThenBy(l => l.Id).Rows().ToListAsync(cancellationToken);
        var estimated = await db.Estimates.AsNoTracking().Where(e => e.JobId == jobId)
            .OrderByDescending(e => e.PlatformUpdatedAt).ThenByDescending(e => e.Id)
            .Select(e => e.LabourHours).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var departments = Enum.GetValues<Department>()
            .Select(d => new DepartmentHours(d, ClockRules.Hours(lines.Where(l => l.Department == d).Select(l => (l.StartedAt, l.EndedAt)), now)))
            .ToList();
        return new JobHoursModel(job.Id, job.Number, job.Registration, departments, ClockRules.Hours(lines.Select(l => (l.StartedAt, l.EndedAt)), now), estimated, lines, now);
    }
}

/// <summary>The hours card on the job screen: only when someone clocked on the job or it has an estimate with labour hours.</summary>
public sealed class JobHoursCard(JobHours hours) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int jobId)
    {
        var model = await hours.HandleAsync(jobId, HttpContext.RequestAborted);
        return model is null || (model.Lines.Count == 0 && model.Estimated is null)
            ? Content(string.Empty)
            : View("~/Features/TimeRegistration/Views/Time/_JobHoursCard.cshtml", model);
    }
}
