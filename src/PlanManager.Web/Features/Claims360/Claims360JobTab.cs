using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

public sealed record Claims360EstimateSummary(int Version, string EstimateNumber, string? Currency, decimal TotalExclVat, decimal VatAmount, decimal TotalInclVat, DateTimeOffset LoadedAt);

public sealed record Claims360PhotoChoice(int Id, string FileName, bool Sent);

public sealed record Claims360LineView(Claims360EstimateLine Line, bool Changed);

public sealed class Claims360JobTabModel
{
    public required int JobId { get; init; }
    public string? DossierId { get; init; }
    public DateTimeOffset? LastSentAt { get; init; }
    public bool RepairerSetUp { get; init; }
    public required IReadOnlyList<Claims360EstimateSummary> Versions { get; init; }
    public Claims360EstimateVersion? Shown { get; init; }
    public IReadOnlyList<Claims360LineView> Lines { get; init; } = [];
    public IReadOnlyList<Claims360PhotoChoice> Photos { get; init; } = [];

    /// <summary>The older version the shown one is compared with, if the user asked.</summary>
    public int? ComparedWith { get; init; }
}

/// <summary>
/// C4: the job's Claims360 tab (replaces the Winformex tab while Claims360 is on). Every estimate
/// version is kept; the newest is shown, and "compare" highlights lines that differ from an older one.
/// </summary>
public sealed class Claims360JobTab(PlanManagerDbContext db, ConnectorSettings settings, Claims360PhotoTransfers transfers) : ViewComponent
{
    public const string CompareParameter = "c360compare";

    public async Task<IViewComponentResult> InvokeAsync(int jobId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!await settings.IsEnabledAsync(ConnectorKind.Claims360, cancellationToken))
        {
            return Content(string.Empty);
        }

        var link = await db.Claims360JobLinks.AsNoTracking().SingleOrDefaultAsync(l => l.JobId == jobId, cancellationToken);
        var repairerSetUp = await db.Jobs.Where(j => j.Id == jobId).AnyAsync(j => db.Claims360Setups.Any(s => s.RepairerId == j.RepairerId), cancellationToken);
        var versions = await db.Claims360Estimates.AsNoTracking().Where(e => e.JobId == jobId).OrderByDescending(e => e.Version)
            .Select(e => new Claims360EstimateSummary(e.Version, e.EstimateNumber, e.Currency, e.TotalExclVat, e.VatAmount, e.TotalInclVat, e.LoadedAt))
            .ToListAsync(cancellationToken);
        Claims360EstimateVersion? shown = null;
        IReadOnlyList<Claims360LineView> lines = [];
        int? compared = null;
        if (versions.Count > 0)
        {
            shown = await LoadAsync(jobId, versions[0].Version, cancellationToken);
            var other = int.TryParse(Request.Query[CompareParameter], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
                && v != versions[0].Version && versions.Any(x => x.Version == v)
                ? await LoadAsync(jobId, v, cancellationToken)
                : null;
            compared = other?.Version;
            lines = Compare(shown!, other);
        }

        var photos = new List<Claims360PhotoChoice>();
        if (link is not null)
        {
            var sent = await transfers.SentAsync(jobId, cancellationToken);
            photos = (await db.JobPhotos.AsNoTracking().Where(p => p.JobId == jobId).OrderBy(p => p.Id).Select(p => new { p.Id, p.OriginalFileName }).ToListAsync(cancellationToken))
                .Select(p => new Claims360PhotoChoice(p.Id, p.OriginalFileName, sent.Contains(p.Id))).ToList();
        }

        return View("~/Features/Claims360/Views/_JobTab.cshtml", new Claims360JobTabModel
        {
            JobId = jobId,
            DossierId = link?.DossierId,
            LastSentAt = link?.LastSentAt,
            RepairerSetUp = repairerSetUp || link is not null,
            Versions = versions,
            Shown = shown,
            Lines = lines,
            ComparedWith = compared,
            Photos = photos,
        });
    }

    /// <summary>Lines of the shown version; with an older one, those whose line number is new or whose content differs are marked.</summary>
    public static IReadOnlyList<Claims360LineView> Compare(Claims360EstimateVersion shown, Claims360EstimateVersion? older)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var before = older?.Lines.ToDictionary(l => l.LineNo);
        return shown.Lines.OrderBy(l => l.LineNo)
            .Select(l => new Claims360LineView(l, before is not null && (!before.TryGetValue(l.LineNo, out var o)
                || o.Kind != l.Kind || o.Code != l.Code || o.Description != l.Description || o.Quantity != l.Quantity || o.UnitPrice != l.UnitPrice || o.Amount != l.Amount)))
            .ToList();
    }

    private Task<Claims360EstimateVersion?> LoadAsync(int jobId, int version, CancellationToken cancellationToken) =>
        db.Claims360Estimates.AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.JobId == jobId && e.Version == version, cancellationToken);
}
