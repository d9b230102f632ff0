using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.TimeRegistration;

/// <summary>A staff correction of a clock line; times are the bodyshop's local wall-clock times.</summary>
public sealed class CorrectionForm
{
    [Display(Name = "Clock.Start")]
    public DateTime? Start { get; set; }

    [Display(Name = "Clock.End")]
    public DateTime? End { get; set; }

    [Display(Name = "Clock.Task")]
    public WorkTask? Task { get; set; }

    [Display(Name = "Clock.Reason")]
    public string? Reason { get; set; }
}

public sealed class CorrectionFormValidator : AbstractValidator<CorrectionForm>
{
    public CorrectionFormValidator(IStringLocalizer<SharedResource> texts)
    {
        RuleFor(f => f.Start).NotNull().Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage(_ => texts["Validation.DateRange"]);
        RuleFor(f => f.End).NotNull().Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage(_ => texts["Validation.DateRange"]);
        RuleFor(f => f.End).Must((f, end) => f.Start is null || end is null || end > f.Start).WithMessage(_ => texts["Clock.EndBeforeStart"]);
        RuleFor(f => f.Task).NotNull().IsInEnum();
        RuleFor(f => f.Reason).NotEmpty().MaximumLength(ClockLimits.Reason).NoControlCharacters(texts);
    }
}

public sealed record CorrectionRow(DateTimeOffset At, string UserName, string Reason, DateTimeOffset StartBefore, DateTimeOffset? EndBefore, WorkTask TaskBefore,
    DateTimeOffset StartAfter, DateTimeOffset EndAfter, WorkTask TaskAfter);

public sealed record CorrectionModel(ClockLineRow Line, CorrectionForm Form, IReadOnlyList<CorrectionRow> History, string? ReviewedBy, DateTimeOffset? ReviewedAt);

/// <summary>
/// Staff correct a clock line (W2) with a required reason. The line keeps every correction (who, when,
/// why, before and after) and the job gets a log line; the new times may not overlap the technician's
/// other lines nor lie in the future.
/// </summary>
public sealed class CorrectClockLine(PlanManagerDbContext db, IValidator<CorrectionForm> validator, JobLogWriter log, DisplayTime time, TimeProvider clock,
    IHttpContextAccessor http, IStringLocalizer<SharedResource> texts)
{
    public const string LogMessage = "JobLog.ClockCorrected";

    public async Task<CorrectionModel?> LoadAsync(long id, CorrectionForm? form, CancellationToken cancellationToken)
    {
        var line = await db.ClockLines.AsNoTracking().Where(l => l.Id == id).Rows().SingleOrDefaultAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        var history = await db.ClockCorrections.AsNoTracking().Where(c => c.ClockLineId == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new CorrectionRow(c.At, c.UserName, c.Reason, c.StartBefore, c.EndBefore, c.TaskBefore, c.StartAfter, c.EndAfter, c.TaskAfter))
            .ToListAsync(cancellationToken);
        var review = await db.ClockLines.AsNoTracking().Where(l => l.Id == id).Select(l => new { l.ReviewedBy, l.ReviewedAt }).SingleAsync(cancellationToken);
        form ??= new CorrectionForm
        {
            Start = time.Local(line.StartedAt).DateTime,
            End = line.EndedAt is { } end ? time.Local(end).DateTime : null,
            Task = line.Task,
        };
        return new CorrectionModel(line, form, history, review.ReviewedBy, review.ReviewedAt);
    }

    public async Task<CommandResult> HandleAsync(long id, CorrectionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var line = await db.ClockLines.Include(l => l.Technician).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (line is null)
        {
            return CommandResult.NotFound;
        }

        var start = ClosingTime.ToUtc(form.Start!.Value, time.Zone);
        var end = ClosingTime.ToUtc(form.End!.Value, time.Zone);
        var now = clock.GetUtcNow();
        if (end > now)
        {
            return CommandResult.Invalid(nameof(CorrectionForm.End), texts["Clock.EndInFuture"]);
        }

        var others = await db.ClockLines.AsNoTracking().Where(l => l.TechnicianId == line.TechnicianId && l.Id != id)
            .Where(l => l.StartedAt < end && (l.EndedAt == null || l.EndedAt > start))
            .Select(l => new { l.StartedAt, l.EndedAt }).ToListAsync(cancellationToken);
        if (ClockRules.Overlaps(start, end, others.Select(o => (o.StartedAt, o.EndedAt)), now))
        {
            return CommandResult.Invalid(nameof(CorrectionForm.Start), texts["Clock.Overlaps"]);
        }

        var user = http.HttpContext?.User.Identity?.Name ?? JobLogWriter.System;
        var before = Describe(line.StartedAt, line.EndedAt, line.Task);
        var reason = Text.Clean(form.Reason)!;
        line.Correct(start, end, form.Task!.Value, form.Task.Value.DepartmentOf(line.Technician!.Department), reason, user, now);
        log.Add(db, line.JobId, LogMessage, $"{line.Technician.Name}: {before} → {Describe(start, end, line.Task)} ({reason})");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(line.JobId);
    }

    /// <summary>Marks a line flagged at closing time as looked at.</summary>
    public async Task<bool> ReviewAsync(long id, CancellationToken cancellationToken)
    {
        var line = await db.ClockLines.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (line is null)
        {
            return false;
        }

        line.MarkReviewed(http.HttpContext?.User.Identity?.Name ?? JobLogWriter.System, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private string Describe(DateTimeOffset start, DateTimeOffset? end, WorkTask task) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Local(start):yyyy-MM-dd HH:mm}–{(end is { } e ? time.Local(e).ToString("HH:mm", CultureInfo.InvariantCulture) : "…")} {task}");
}
