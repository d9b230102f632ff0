using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Features.Planning;

/// <summary>A job on the board: its plan (start to end) and its hours per department.</summary>
public sealed record PlannedJob(
    int Id,
    int Number,
    string Registration,
    string? Make,
    string? Model,
    JobStatus Status,
    bool VehicleIn,
    DateOnly Start,
    DateOnly End,
    Guid ConcurrencyStamp,
    DepartmentHours Hours,
    bool HoursTyped,
    bool HoursFromEstimate)
{
    public bool HasHours => Hours.Total > 0;
}

/// <summary>
/// The planned jobs of one repairer in a date range, with their hours, in two queries whatever the
/// number of jobs (the jobs with their typed hours, then the estimates of those jobs): no query per job.
/// </summary>
public sealed class PlannedJobs(PlanManagerDbContext db)
{
    /// <summary>The board shows work the customer agreed to: approved and later, never cancelled.</summary>
    public static readonly JobStatus[] OnBoard = [JobStatus.Approved, JobStatus.InRepair, JobStatus.Ready, JobStatus.Delivered, JobStatus.Invoiced, JobStatus.Closed];

    public async Task<IReadOnlyList<PlannedJob>> LoadAsync(int repairerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // The (RepairerId, StartDate) index range: a plan is at most MaxPlanDays long, so a job that reaches
        // into the range started at most that long before it.
        DateOnly? earliest = from.AddDays(-PlanningLimits.MaxPlanDays);
        DateOnly? last = to;
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.RepairerId == repairerId && j.StartDate >= earliest && j.StartDate <= last && OnBoard.Contains(j.Status))
            .Where(j => (j.EndDate ?? j.EstimatedCompletionDate ?? j.StartDate) >= from)
            .OrderBy(j => j.StartDate).ThenBy(j => j.Number)
            .Select(j => new
            {
                j.Id,
                j.Number,
                j.Registration,
                j.Make,
                j.Model,
                j.Status,
                j.VehicleIn,
                Start = j.StartDate!.Value,
                j.EndDate,
                j.EstimatedCompletionDate,
                j.ConcurrencyStamp,
                Typed = db.PlannedHours.Where(p => p.JobId == j.Id).Select(p => new { p.Department, p.Hours }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var estimates = await EstimateHoursAsync(jobs.Select(j => j.Id).ToList(), cancellationToken);
        return jobs.Select(j =>
        {
            var end = j.EndDate ?? j.EstimatedCompletionDate ?? j.Start;
            var estimate = estimates.TryGetValue(j.Id, out var e) ? e : (DepartmentHours?)null;
            var hours = PlannedHoursRules.Combine(estimate, j.Typed.Select(t => (t.Department, t.Hours)));
            return new PlannedJob(j.Id, j.Number, j.Registration, j.Make, j.Model, j.Status, j.VehicleIn, j.Start, end < j.Start ? j.Start : end,
                j.ConcurrencyStamp, hours, j.Typed.Count > 0, estimate is not null);
        }).ToList();
    }

    /// <summary>The hours of the newest estimate version of each job (one query for all of them).</summary>
    public async Task<Dictionary<int, DepartmentHours>> EstimateHoursAsync(IReadOnlyCollection<int> jobIds, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }

        var versions = await db.Estimates.AsNoTracking()
            .Where(e => jobIds.Contains(e.JobId))
            .Select(e => new
            {
                e.JobId,
                e.Id,
                e.PlatformUpdatedAt,
                e.LabourHours,
                Labour = e.Lines.Where(l => l.Kind == PlannedHoursRules.LabourKind).Select(l => l.Quantity).ToList(),
            })
            .ToListAsync(cancellationToken);
        return versions
            .GroupBy(v => v.JobId)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var newest = g.OrderByDescending(v => v.PlatformUpdatedAt).ThenByDescending(v => v.Id).First();
                    return PlannedHoursRules.FromEstimate(newest.LabourHours, newest.Labour.Select(q => (PlannedHoursRules.LabourKind, q)));
                });
    }
}
