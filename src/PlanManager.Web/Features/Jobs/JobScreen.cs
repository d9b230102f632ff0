using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Jobs;

/// <summary>The stored job as the header, title and breadcrumb show it: never the posted form, which may be unsaved or invalid.</summary>
public sealed record JobHeader(
    int Number, JobStatus Status, JobSource Source, bool VehicleIn, string Registration, string? Make, string? Model, string? Type,
    string? InsurerName, string? RepairerName, DateTimeOffset CreatedAt, DateTimeOffset? PortalPhotosAddedAt);

public sealed record JobLogRow(DateTimeOffset At, string? UserName, LogPlatform Platform, LogLevelKind Level, string MessageKey, string? Detail);

/// <summary>The log panel's filters and page (J5), from the job screen's query string (logPlatform, logErrors, logPage).</summary>
public sealed class JobLogFilter
{
    public int? LogPage { get; set; }
    public LogPlatform? LogPlatform { get; set; }
    public bool LogErrors { get; set; }

    public bool IsFiltered => LogPlatform is not null || LogErrors;
}

/// <summary>One page of a job's log lines and the filters that chose them.</summary>
public sealed record JobLogPanel(int JobId, JobLogFilter Filter, Page<JobLogRow> Rows);

/// <summary>The job screen: the form, the choices it offers, and the log panel.</summary>
public sealed class JobScreenModel
{
    public required JobForm Form { get; init; }
    public required IReadOnlyList<SelectListItem> Repairers { get; init; }
    public JobLogPanel? Log { get; init; }
    public IReadOnlyList<Photos.PhotoRow> Photos { get; init; } = [];
    /// <summary>The stored job (null on a new job's form).</summary>
    public JobHeader? Header { get; init; }
    public DateTimeOffset? CreatedAt => Header?.CreatedAt;

    /// <summary>The customer added photos on the portal and staff have not marked them seen (P4).</summary>
    public DateTimeOffset? PortalPhotosAddedAt => Header?.PortalPhotosAddedAt;

    /// <summary>Where the job stands with CAPS (C1): synced, pending, failed, or what it lacks.</summary>
    public Caps.CapsSyncView? CapsSync { get; init; }
    public bool IsNew => Form.Id is null;
}

/// <summary>Loads what the job screen shows around the form.</summary>
public sealed class JobScreen(PlanManagerDbContext db, Photos.JobPhotos photos, Caps.CapsSyncStatus capsSync, DisplayTime time)
{
    public const int LogPageSize = 25;

    public async Task<JobForm?> LoadFormAsync(int id, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking()
            .Include(j => j.Owner)
            .Include(j => j.Insurer)
            .Include(j => j.Agent)
            .SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null ? null : JobForm.From(job, time);
    }

    public async Task<JobScreenModel> BuildAsync(JobForm form, JobLogFilter? logFilter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var repairers = await db.Repairers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);

        JobLogPanel? log = null;
        IReadOnlyList<Photos.PhotoRow> photoRows = [];
        JobHeader? header = null;
        Caps.CapsSyncView? capsState = null;
        if (form.Id is { } id)
        {
            var filter = logFilter ?? new JobLogFilter();
            log = new JobLogPanel(id, filter, await LogAsync(id, filter, cancellationToken));
            photoRows = await photos.ListAsync(id, cancellationToken);
            header = await db.Jobs.AsNoTracking().Where(j => j.Id == id)
                .Select(j => new JobHeader(
                    j.Number, j.Status, j.Source, j.VehicleIn, j.Registration, j.Make, j.Model, j.Type,
                    j.Insurer == null ? null : j.Insurer.Name, j.Repairer == null ? null : j.Repairer.Name, j.CreatedAt, j.PortalPhotosAddedAt))
                .SingleOrDefaultAsync(cancellationToken);
            capsState = await capsSync.ForJobAsync(id, cancellationToken);
        }

        return new JobScreenModel
        {
            Form = form,
            Repairers = repairers.Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id == form.RepairerId)).ToList(),
            Header = header,
            Log = log,
            Photos = photoRows,
            CapsSync = capsState,
        };
    }

    /// <summary>A job's log lines, newest first, of one platform and / or errors only; the (JobId, At) index serves it.</summary>
    public Task<Page<JobLogRow>> LogAsync(int jobId, JobLogFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var lines = db.JobLog.AsNoTracking().Where(l => l.JobId == jobId);
        if (filter.LogPlatform is { } platform)
        {
            lines = lines.Where(l => l.Platform == platform);
        }

        if (filter.LogErrors)
        {
            lines = lines.Where(l => l.Level == LogLevelKind.Error);
        }

        return lines
            .OrderByDescending(l => l.At).ThenByDescending(l => l.Id)
            .Select(l => new JobLogRow(l.At, l.UserName, l.Platform, l.Level, l.MessageKey, l.Detail))
            .ToPageAsync(filter.LogPage, LogPageSize, cancellationToken);
    }
}
