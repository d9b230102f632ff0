using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

public sealed record Claims360PhotoChoice(int Id, string FileName, bool Sent);

public sealed class Claims360JobTabModel
{
    public required int JobId { get; init; }
    public string? DossierId { get; init; }
    public DateTimeOffset? LastSentAt { get; init; }
    public bool RepairerSetUp { get; init; }
    public required EstimateView Estimate { get; init; }
    public IReadOnlyList<Claims360PhotoChoice> Photos { get; init; } = [];
}

/// <summary>
/// C4: the job's Claims360 tab (replaces the Winformex tab while Claims360 is on). Every estimate
/// version is kept; the newest is shown, and "compare" highlights lines that differ from an older one.
/// </summary>
public sealed class Claims360JobTab(PlanManagerDbContext db, ConnectorSettings settings, OutgoingPhotos outgoing, EstimateVersions estimates) : ViewComponent
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
        var estimate = await estimates.ViewAsync(jobId, LogPlatform.Claims360, Request.Query[CompareParameter], CompareParameter, "claims360", "c360", "Claims360.NoEstimate", cancellationToken);

        var photos = new List<Claims360PhotoChoice>();
        if (link is not null)
        {
            var sent = await outgoing.SentAsync(jobId, LogPlatform.Claims360, cancellationToken);
            photos = (await db.JobPhotos.AsNoTracking().Where(p => p.JobId == jobId).OrderBy(p => p.Id).Select(p => new { p.Id, p.OriginalFileName }).ToListAsync(cancellationToken))
                .Select(p => new Claims360PhotoChoice(p.Id, p.OriginalFileName, sent.Contains(p.Id))).ToList();
        }

        return View("~/Features/Claims360/Views/_JobTab.cshtml", new Claims360JobTabModel
        {
            JobId = jobId,
            DossierId = link?.DossierId,
            LastSentAt = link?.LastSentAt,
            RepairerSetUp = repairerSetUp || link is not null,
            Estimate = estimate,
            Photos = photos,
        });
    }
}
