using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

public sealed record EstimateSummary(int Version, string EstimateNumber, string? Currency, decimal TotalExclVat, decimal VatAmount, decimal TotalInclVat, DateTimeOffset LoadedAt);

public sealed record EstimateLineView(EstimateLine Line, bool Changed);

/// <summary>What the estimate part of a job's Claims360 or Winformex card shows: the newest version, optionally compared with an older one.</summary>
public sealed class EstimateView
{
    public static readonly EstimateView Empty = new() { Versions = [] };

    public required IReadOnlyList<EstimateSummary> Versions { get; init; }
    public EstimateVersion? Shown { get; init; }
    public IReadOnlyList<EstimateLineView> Lines { get; init; } = [];
    public int? ComparedWith { get; init; }

    /// <summary>The query parameter and page anchor of the compare form (one per platform card).</summary>
    public string CompareParameter { get; init; } = "compare";
    public string Anchor { get; init; } = string.Empty;
    public string IdPrefix { get; init; } = "estimate";

    /// <summary>The resource key of the text shown while no version is loaded (it names the platform's action).</summary>
    public string EmptyText { get; init; } = "Claims360.NoEstimate";
}

/// <summary>
/// The estimate versions of a job, per platform (C4, C5: Claims360 and Informex send the same
/// estimate shape). A version is stored once: (JobId, Platform, Version) is unique.
/// </summary>
public sealed class EstimateVersions(PlanManagerDbContext db, JobLogWriter log, TimeProvider clock)
{
    /// <summary>Adds the estimate as a new version unless that version is already stored; returns whether it was added (saved by the caller).</summary>
    public async Task<bool> AddIfNewAsync(Job job, LogPlatform platform, EstimateDto estimate, string logMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(estimate);
        if (await db.Estimates.AnyAsync(e => e.JobId == job.Id && e.Platform == platform && e.Version == estimate.Version, cancellationToken))
        {
            return false;
        }

        var version = new EstimateVersion
        {
            JobId = job.Id,
            Platform = platform,
            EstimateNumber = estimate.EstimateNumber,
            Version = estimate.Version,
            Currency = estimate.Currency,
            LabourHours = estimate.LabourHours,
            TotalExclVat = estimate.TotalExclVat,
            VatAmount = estimate.VatAmount,
            TotalInclVat = estimate.TotalInclVat,
            PlatformUpdatedAt = estimate.UpdatedAt,
            LoadedAt = clock.GetUtcNow(),
        };
        version.Lines.AddRange(estimate.Lines.Select(l => new EstimateLine
        {
            LineNo = l.LineNo,
            Kind = l.Kind,
            Code = l.Code,
            Description = l.Description,
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
            Amount = l.Amount,
        }));
        db.Estimates.Add(version);
        log.Add(job, logMessage, estimate.Version.ToString(CultureInfo.InvariantCulture), platform);
        return true;
    }

    /// <summary>The newest version with its lines; compared with <paramref name="compareWith"/> when that is an older stored version.</summary>
    public async Task<EstimateView> ViewAsync(int jobId, LogPlatform platform, string? compareWith, string compareParameter, string anchor, string idPrefix, string emptyText, CancellationToken cancellationToken)
    {
        var versions = await Summaries(jobId, platform).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return new EstimateView { Versions = versions, CompareParameter = compareParameter, Anchor = anchor, IdPrefix = idPrefix, EmptyText = emptyText };
        }

        var shown = await LoadAsync(jobId, platform, versions[0].Version, cancellationToken);
        var other = int.TryParse(compareWith, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            && v != versions[0].Version && versions.Any(x => x.Version == v)
            ? await LoadAsync(jobId, platform, v, cancellationToken)
            : null;
        return new EstimateView
        {
            Versions = versions,
            Shown = shown,
            Lines = Compare(shown!, other),
            ComparedWith = other?.Version,
            CompareParameter = compareParameter,
            Anchor = anchor,
            IdPrefix = idPrefix,
            EmptyText = emptyText,
        };
    }

    /// <summary>The newest version's totals (the job screen's card), or null.</summary>
    public Task<EstimateSummary?> NewestAsync(int jobId, LogPlatform platform, CancellationToken cancellationToken) =>
        Summaries(jobId, platform).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<EstimateSummary> Summaries(int jobId, LogPlatform platform) =>
        db.Estimates.AsNoTracking().Where(e => e.JobId == jobId && e.Platform == platform).OrderByDescending(e => e.Version)
            .Select(e => new EstimateSummary(e.Version, e.EstimateNumber, e.Currency, e.TotalExclVat, e.VatAmount, e.TotalInclVat, e.LoadedAt));

    /// <summary>Lines of the shown version; with an older one, those whose line number is new or whose content differs are marked.</summary>
    public static IReadOnlyList<EstimateLineView> Compare(EstimateVersion shown, EstimateVersion? older)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var before = older?.Lines.ToDictionary(l => l.LineNo);
        return shown.Lines.OrderBy(l => l.LineNo)
            .Select(l => new EstimateLineView(l, before is not null && (!before.TryGetValue(l.LineNo, out var o)
                || o.Kind != l.Kind || o.Code != l.Code || o.Description != l.Description || o.Quantity != l.Quantity || o.UnitPrice != l.UnitPrice || o.Amount != l.Amount)))
            .ToList();
    }

    private Task<EstimateVersion?> LoadAsync(int jobId, LogPlatform platform, int version, CancellationToken cancellationToken) =>
        db.Estimates.AsNoTracking().Include(e => e.Lines)
            .SingleOrDefaultAsync(e => e.JobId == jobId && e.Platform == platform && e.Version == version, cancellationToken);
}
