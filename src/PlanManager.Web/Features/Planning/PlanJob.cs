using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Planning;

/// <summary>A move on the board (drag, keyboard) or the plan form: the job's new start and end.</summary>
public sealed class PlanForm
{
    public DateOnly? Start { get; set; }

    /// <summary>Empty when a job is dropped on a day: the end follows from its hours.</summary>
    public DateOnly? End { get; set; }

    /// <summary>The job's stamp when the planner saw it: a move of a job someone changed since is refused.</summary>
    public Guid? Stamp { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator(IStringLocalizer<SharedResource> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RuleFor(f => f.Start).NotNull().WithMessage(_ => texts["Planning.Validation.StartRequired"]).ReasonableDate(texts);
        RuleFor(f => f.End).ReasonableDate(texts);
        RuleFor(f => f.End)
            .GreaterThanOrEqualTo(f => f.Start)
            .When(f => f.Start is not null && f.End is not null)
            .WithMessage(_ => texts["Job.Validation.EndBeforeStart"]);
        RuleFor(f => f.End)
            .Must((f, end) => end!.Value.DayNumber - f.Start!.Value.DayNumber < PlanningLimits.MaxPlanDays)
            .When(f => f.Start is not null && f.End is not null && f.End >= f.Start)
            .WithMessage(_ => texts["Planning.Validation.TooLong", PlanningLimits.MaxPlanDays]);
        RuleFor(f => f.Stamp).NotNull().WithMessage(_ => texts["Planning.Conflict"]);
    }
}

/// <summary>
/// Plans a job (W1): start, end and estimated completion change through the job's door
/// (<c>Edit(Details() with { ... })</c>), so the stamps, the concurrency check and a UK job's CAPS
/// push follow from the save (decision 0010); the move is logged on the job.
/// </summary>
public sealed class PlanJob(PlanManagerDbContext db, IValidator<PlanForm> validator, JobLogWriter log, PlanningBoard board, PlannedJobs plannedJobs)
{
    public async Task<CommandResult> HandleAsync(int jobId, PlanForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return CommandResult.NotFound;
        }

        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        if (form.Stamp != job.ConcurrencyStamp)
        {
            return CommandResult.Conflict;
        }

        var start = form.Start!.Value;
        var end = form.End ?? await SuggestedEndAsync(job.Id, job.RepairerId, start, cancellationToken);
        if (job.StartDate == start && job.EndDate == end && job.EstimatedCompletionDate == end)
        {
            return CommandResult.Saved(job.Id);
        }

        job.Edit(job.Details() with { StartDate = start, EndDate = end, EstimatedCompletionDate = end });
        log.Add(job, JobLogMessages.Planned, $"{start:yyyy-MM-dd}|{end:yyyy-MM-dd}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the job between our read and our write: nothing of ours was saved.
            return CommandResult.Conflict;
        }

        return CommandResult.Saved(job.Id);
    }

    private async Task<DateOnly> SuggestedEndAsync(int jobId, int repairerId, DateOnly start, CancellationToken cancellationToken)
    {
        var calendar = await board.CalendarAsync(repairerId, cancellationToken);
        var typed = await db.PlannedHours.AsNoTracking().Where(p => p.JobId == jobId).Select(p => new { p.Department, p.Hours }).ToListAsync(cancellationToken);
        var estimate = (await plannedJobs.EstimateHoursAsync([jobId], cancellationToken)).TryGetValue(jobId, out var e) ? e : (DepartmentHours?)null;
        return calendar.SuggestedEnd(start, PlannedHoursRules.Combine(estimate, typed.Select(t => (t.Department, t.Hours))));
    }
}
