using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Planning;

/// <summary>One department's line of the capacity form.</summary>
public sealed class CapacityLine
{
    public Department Department { get; set; }
    public int? Technicians { get; set; }
    public decimal? HoursPerTechnician { get; set; }
}

public sealed class CapacityForm
{
    public List<CapacityLine> Lines { get; set; } = [];
}

public sealed class CapacityFormValidator : AbstractValidator<CapacityForm>
{
    public CapacityFormValidator(IStringLocalizer<SharedResource> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RuleFor(f => f.Lines).Must(l => l.Count == DepartmentHours.All.Count && l.Select(x => x.Department).Distinct().Count() == l.Count
            && l.All(x => Enum.IsDefined(x.Department)));
        RuleForEach(f => f.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Technicians).NotNull().InclusiveBetween(0, PlanningLimits.MaxTechnicians)
                .WithMessage(_ => texts["Planning.Validation.Technicians", PlanningLimits.MaxTechnicians]);
            line.RuleFor(l => l.HoursPerTechnician).NotNull().InclusiveBetween(0m, PlanningLimits.MaxHoursPerTechnician)
                .WithMessage(_ => texts["Planning.Validation.HoursPerDay"]);
        });
    }
}

public sealed record CapacityModel(
    IReadOnlyList<RepairerOption> Repairers,
    int RepairerId,
    AppointmentSchedule Schedule,
    PlanningCalendar Calendar,
    CapacityForm Form,
    bool CanEdit)
{
    public string RepairerName => Repairers.FirstOrDefault(r => r.Id == RepairerId)?.Name ?? string.Empty;
}

/// <summary>
/// A repairer's capacity per department (W1). Support edits it; Staff see it (there is no manager
/// role yet, docs/decisions/0013-planning-board.md). Open days and hours are the opening hours
/// set on the Appointments page.
/// </summary>
public sealed class PlanningCapacity(PlanManagerDbContext db, PlanningBoard board, IValidator<CapacityForm> validator)
{
    public async Task<CapacityModel?> BuildAsync(int repairerId, CapacityForm? posted, bool canEdit, CancellationToken cancellationToken)
    {
        var repairers = await board.RepairersAsync(cancellationToken);
        if (repairers.All(r => r.Id != repairerId))
        {
            return null;
        }

        var schedule = await db.AppointmentSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.RepairerId == repairerId, cancellationToken)
            ?? new AppointmentSchedule { RepairerId = repairerId };
        var calendar = await board.CalendarAsync(repairerId, cancellationToken);
        var saved = await db.DepartmentCapacities.AsNoTracking().Where(c => c.RepairerId == repairerId).ToListAsync(cancellationToken);
        var form = posted ?? new CapacityForm
        {
            Lines = DepartmentHours.All.Select(d => saved.SingleOrDefault(c => c.Department == d) is { } c
                ? new CapacityLine { Department = d, Technicians = c.Technicians, HoursPerTechnician = c.HoursPerTechnician }
                : new CapacityLine { Department = d, Technicians = 1, HoursPerTechnician = calendar.DayLength }).ToList(),
        };
        return new CapacityModel(repairers, repairerId, schedule, calendar, form, canEdit);
    }

    public async Task<CommandResult> SaveAsync(int repairerId, CapacityForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await db.Repairers.AnyAsync(r => r.Id == repairerId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var saved = await db.DepartmentCapacities.Where(c => c.RepairerId == repairerId).ToListAsync(cancellationToken);
        foreach (var line in form.Lines)
        {
            var row = saved.SingleOrDefault(c => c.Department == line.Department);
            if (row is null)
            {
                row = new DepartmentCapacity { RepairerId = repairerId, Department = line.Department };
                db.DepartmentCapacities.Add(row);
            }

            row.Technicians = line.Technicians!.Value;
            row.HoursPerTechnician = line.HoursPerTechnician!.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(repairerId);
    }
}

public sealed record JobPlanModel(
    int JobId,
    int Number,
    string Registration,
    string? Make,
    string? Model,
    JobStatus Status,
    int RepairerId,
    string RepairerName,
    PlanForm Plan,
    HoursForm Hours,
    DepartmentHours? EstimateHours,
    DepartmentHours PlannedHours);

/// <summary>The plan form of one job: dates and typed hours, the keyboard and form alternative to dragging.</summary>
public sealed class JobPlanPage(PlanManagerDbContext db, PlannedJobs plannedJobs)
{
    public async Task<JobPlanModel?> BuildAsync(int jobId, PlanForm? plan, HoursForm? hours, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new
            {
                j.Id, j.Number, j.Registration, j.Make, j.Model, j.Status, j.RepairerId, Repairer = j.Repairer!.Name,
                j.StartDate, End = j.EndDate ?? j.EstimatedCompletionDate, j.ConcurrencyStamp,
                Typed = db.PlannedHours.Where(p => p.JobId == j.Id).Select(p => new { p.Department, p.Hours }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }

        var estimate = (await plannedJobs.EstimateHoursAsync([jobId], cancellationToken)).TryGetValue(jobId, out var e) ? e : (DepartmentHours?)null;
        decimal? Typed(Department d) => job.Typed.SingleOrDefault(t => t.Department == d)?.Hours;
        var hoursForm = hours ?? new HoursForm
        {
            Body = Typed(Department.Body),
            Preparation = Typed(Department.Preparation),
            Paint = Typed(Department.Paint),
            Assembly = Typed(Department.Assembly),
        };
        // A conflict shows the job as it is now, with the new stamp, so the planner can try again.
        var planForm = plan ?? new PlanForm { Start = job.StartDate, End = job.End, Stamp = job.ConcurrencyStamp };
        return new JobPlanModel(job.Id, job.Number, job.Registration, job.Make, job.Model, job.Status, job.RepairerId, job.Repairer, planForm, hoursForm,
            estimate, PlannedHoursRules.Combine(estimate, job.Typed.Select(t => (t.Department, t.Hours))));
    }
}
