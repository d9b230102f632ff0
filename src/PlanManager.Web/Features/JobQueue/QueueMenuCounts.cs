using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.JobQueue;

/// <summary>
/// The menu's queue entries and their counts of waiting items, read at most every <see cref="Lifetime"/>
/// per app process instead of on every staff page (issue 18: two or three queries of every request).
/// The counts are the same for every user (the queues are not per repairer). A write this process makes to
/// what they count (an accept or decline, an import, a connector switched on or off, an Informex file linked;
/// <see cref="QueueMenuChangeNotice"/>) drops them at once, so whoever decided sees the new count on the next
/// page; another node of a cluster sees it within <see cref="Lifetime"/>. Decision 0020.
/// </summary>
public sealed class QueueMenuCounts(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private readonly KeptReading<IReadOnlyList<JobQueueMenuEntry>> _kept = new(clock, Lifetime);

    public Task<IReadOnlyList<JobQueueMenuEntry>> GetAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _kept.GetAsync(token => ReadAsync(db, token), cancellationToken);
    }

    /// <summary>The next page reads the counts again.</summary>
    public void Invalidate() => _kept.Invalidate();

    private static async Task<IReadOnlyList<JobQueueMenuEntry>> ReadAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        var kinds = QueuePlatforms.All;
        var enabled = await db.ConnectorSettings.AsNoTracking()
            .Where(s => (kinds.Contains(s.Kind) || s.Kind == ConnectorKind.Informex) && s.Enabled)
            .Select(s => s.Kind)
            .ToListAsync(cancellationToken);
        var counts = await db.QueueItems.AsNoTracking()
            .Where(q => enabled.Contains(q.Platform) && q.Status == QueueItemStatus.Waiting)
            .GroupBy(q => q.Platform)
            .Select(g => new { Platform = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var entries = kinds.Where(enabled.Contains)
            .Select(k => new JobQueueMenuEntry(k, QueuePlatforms.Segment(k), counts.FirstOrDefault(c => c.Platform == k)?.Count ?? 0))
            .ToList();
        if (enabled.Contains(ConnectorKind.Informex))
        {
            // Q4: the transmissions no job is linked to yet.
            var unlinked = await Informex.UnlinkedTransmissions.Of(db).CountAsync(cancellationToken);
            entries.Add(new JobQueueMenuEntry(ConnectorKind.Informex, "informex", unlinked));
        }

        return entries;
    }
}

/// <summary>Drops the menu's counts when this process writes to a table they count (a decline is a bulk update).</summary>
public sealed class QueueMenuChangeNotice(QueueMenuCounts counts)
    : TableWriteNotice(["QueueItems", "ConnectorSettings", "InformexTransmissions", "InformexJobFiles"])
{
    protected override void Changed() => counts.Invalidate();
}
