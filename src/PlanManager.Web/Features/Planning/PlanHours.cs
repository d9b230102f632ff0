using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Planning;

/// <summary>Hours a planner types per department; an empty field takes the estimate's.</summary>
public sealed class HoursForm
{
    public decimal? Body { get; set; }
    public decimal? Preparation { get; set; }
    public decimal? Paint { get; set; }
    public decimal? Assembly { get; set; }

    public decimal? this[Department department] => department switch
    {
        Department.Body => Body,
        Department.Preparation => Preparation,
        Department.Paint => Paint,
        _ => Assembly,
    };
}

public sealed class HoursFormValidator : AbstractValidator<HoursForm>
{
    public HoursFormValidator(IStringLocalizer<SharedResource> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var department in DepartmentHours.All)
        {
            RuleFor(f => f[department]).InclusiveBetween(0m, PlanningLimits.MaxJobHours)
                .OverridePropertyName(department.ToString())
                .WithMessage(_ => texts["Planning.Validation.Hours", PlanningLimits.MaxJobHours]);
        }
    }
}

/// <summary>Saves the typed hours of a job (W1) and logs them on the job.</summary>
public sealed class PlanHours(PlanManagerDbContext db, IValidator<HoursForm> validator, JobLogWriter log)
{
    public async Task<CommandResult> HandleAsync(int jobId, HoursForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return CommandResult.NotFound;
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var rows = await db.PlannedHours.Where(p => p.JobId == jobId).ToListAsync(cancellationToken);
        db.PlannedHours.RemoveRange(rows);
        var typed = DepartmentHours.All.Where(d => form[d] is not null).Select(d => new PlannedHours { JobId = jobId, Department = d, Hours = form[d]!.Value }).ToList();
        db.PlannedHours.AddRange(typed);
        var before = string.Join('|', rows.OrderBy(r => r.Department).Select(r => $"{r.Department}={r.Hours.ToString("0.##", CultureInfo.InvariantCulture)}"));
        var after = string.Join('|', typed.Select(r => $"{r.Department}={r.Hours.ToString("0.##", CultureInfo.InvariantCulture)}"));
        if (before != after)
        {
            log.Add(job, JobLogMessages.PlannedHours, after);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(jobId);
    }
}
