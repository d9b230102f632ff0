using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.JobQueue;

public sealed record QueueRow(
    int Id, string ExternalId, string ClaimNumber, string? InsurerName, string? InsurerCapsCode, string Registration, string? Make, string? Model,
    string? CustomerName, DateTimeOffset OfferedAt, DateTimeOffset? ExpiresAt,
    QueueItemStatus Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason, int? JobId);

public sealed record QueuePageModel(ConnectorKind Platform, bool Decided, bool Enabled, ImportOutcome? Import, Page<QueueRow> Rows)
{
    public string Segment => QueuePlatforms.Segment(Platform);
}

/// <summary>The waiting items of a platform (newest offer first), or the decided ones (latest decision first).</summary>
public sealed class QueueList(PlanManagerDbContext db)
{
    public Task<Page<QueueRow>> HandleAsync(ConnectorKind platform, bool decided, int? page, CancellationToken cancellationToken)
    {
        var items = db.QueueItems.AsNoTracking().Where(q => q.Platform == platform);
        items = decided
            ? items.Where(q => q.Status != QueueItemStatus.Waiting).OrderByDescending(q => q.DecidedAt).ThenByDescending(q => q.Id)
            : items.Where(q => q.Status == QueueItemStatus.Waiting).OrderByDescending(q => q.OfferedAt).ThenByDescending(q => q.Id);
        return items
            .Select(q => new QueueRow(q.Id, q.ExternalId, q.ClaimNumber, q.InsurerName, q.InsurerCapsCode, q.Registration, q.Make, q.Model,
                q.CustomerName, q.OfferedAt, q.ExpiresAt, q.Status, q.DecidedAt, q.DecidedBy, q.Reason, q.JobId))
            .ToPageAsync(page, Paging.DefaultPageSize, cancellationToken);
    }
}

/// <summary>Job > Job Queue in the menu: one entry per platform that is on, with its count of waiting items (read briefly cached, decision 0020).</summary>
public sealed class JobQueueMenuViewComponent(PlanManagerDbContext db, QueueMenuCounts counts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/JobQueue/Views/_JobQueueMenu.cshtml", await counts.GetAsync(db, HttpContext.RequestAborted));
}

public sealed record JobQueueMenuEntry(ConnectorKind Platform, string Segment, int Waiting);
