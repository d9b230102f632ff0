using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Jobs;

public sealed record JobLogRow(DateTimeOffset At, string? UserName, LogPlatform Platform, LogLevelKind Level, string MessageKey, string? Detail);

/// <summary>The job screen: the form, the choices it offers, and the log panel.</summary>
public sealed class JobScreenModel
{
    public required JobForm Form { get; init; }
    public required IReadOnlyList<SelectListItem> Repairers { get; init; }
    public Page<JobLogRow>? Log { get; init; }
    public string? RepairerName { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public bool IsNew => Form.Id is null;
}

/// <summary>Loads what the job screen shows around the form.</summary>
public sealed class JobScreen(PlanManagerDbContext db)
{
    public const int LogPageSize = 25;

    public async Task<JobForm?> LoadFormAsync(int id, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking()
            .Include(j => j.Owner)
            .Include(j => j.Insurer)
            .Include(j => j.Agent)
            .SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null ? null : JobForm.From(job);
    }

    public async Task<JobScreenModel> BuildAsync(JobForm form, int? logPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var repairers = await db.Repairers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);

        Page<JobLogRow>? log = null;
        DateTimeOffset? createdAt = null;
        if (form.Id is { } id)
        {
            log = await db.JobLog.AsNoTracking()
                .Where(l => l.JobId == id)
                .OrderByDescending(l => l.At).ThenByDescending(l => l.Id)
                .Select(l => new JobLogRow(l.At, l.UserName, l.Platform, l.Level, l.MessageKey, l.Detail))
                .ToPageAsync(logPage, LogPageSize, cancellationToken);
            createdAt = await db.Jobs.Where(j => j.Id == id).Select(j => (DateTimeOffset?)j.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        }

        return new JobScreenModel
        {
            Form = form,
            Repairers = repairers.Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id == form.RepairerId)).ToList(),
            RepairerName = repairers.FirstOrDefault(r => r.Id == form.RepairerId)?.Name,
            Log = log,
            CreatedAt = createdAt,
        };
    }
}
