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

/// <summary>Job > Job Queue in the menu: one entry per platform that is on, with its count of waiting items.</summary>
public sealed class JobQueueMenuViewComponent(PlanManagerDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var kinds = QueuePlatforms.All;
        // One query for every platform with a queue entry (this runs on every staff page).
        var enabled = await db.ConnectorSettings.AsNoTracking().Where(s => (kinds.Contains(s.Kind) || s.Kind == ConnectorKind.Informex) && s.Enabled).Select(s => s.Kind).ToListAsync();
        var counts = await db.QueueItems.AsNoTracking()
            .Where(q => enabled.Contains(q.Platform) && q.Status == QueueItemStatus.Waiting)
            .GroupBy(q => q.Platform)
            .Select(g => new { Platform = g.Key, Count = g.Count() })
            .ToListAsync();
        var entries = kinds.Where(enabled.Contains)
            .Select(k => new JobQueueMenuEntry(k, QueuePlatforms.Segment(k), counts.FirstOrDefault(c => c.Platform == k)?.Count ?? 0))
            .ToList();
        if (enabled.Contains(ConnectorKind.Informex))
        {
            // Q4: the transmissions no job is linked to yet.
            var unlinked = await db.InformexTransmissions.AsNoTracking()
                .CountAsync(t => !db.InformexJobFiles.Any(f => f.AssignmentNumber == t.AssignmentNumber && f.Job!.RepairerId == t.RepairerId));
            entries.Add(new JobQueueMenuEntry(ConnectorKind.Informex, "informex", unlinked));
        }

        return View("~/Features/JobQueue/Views/_JobQueueMenu.cshtml", entries);
    }
}

public sealed record JobQueueMenuEntry(ConnectorKind Platform, string Segment, int Waiting);
