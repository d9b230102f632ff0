using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

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

    private readonly Lock _gate = new();
    private Snapshot? _current;
    private long _generation;

    public async Task<IReadOnlyList<JobQueueMenuEntry>> GetAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        long generation;
        lock (_gate)
        {
            if (_current is { } current && current.Generation == _generation && now < current.Until)
            {
                return current.Entries;
            }

            generation = _generation;
        }

        var entries = await ReadAsync(db, cancellationToken);
        lock (_gate)
        {
            // A change saved while this read ran leaves the next page to read again.
            if (generation == _generation)
            {
                _current = new Snapshot(entries, generation, now + Lifetime);
            }
        }

        return entries;
    }

    /// <summary>The next page reads the counts again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _current = null;
        }
    }

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

    private sealed record Snapshot(IReadOnlyList<JobQueueMenuEntry> Entries, long Generation, DateTimeOffset Until);
}

/// <summary>
/// Drops the menu's counts when this process writes to a table they count: every INSERT, UPDATE or DELETE
/// EF sends, whether from a save or a bulk <c>ExecuteUpdate</c> (a decline is one), so no use case can forget
/// it. Dropped again when the transaction commits: a page read between the write and the commit still saw the
/// old rows and must not keep them.
/// </summary>
public sealed class QueueMenuChangeNotice(QueueMenuCounts counts) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] Tables = ["QueueItems", "ConnectorSettings", "InformexTransmissions", "InformexJobFiles"];
    private static readonly string[] Writes = ["INSERT ", "UPDATE ", "DELETE ", "MERGE "];

    private bool _pending;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    /// <summary>Whether a command writes to a table the menu counts (a read of them is not a change).</summary>
    public static bool Touches(string? sql) =>
        sql is not null && Tables.Any(t => sql.Contains(t, StringComparison.Ordinal)) && Writes.Any(w => sql.Contains(w, StringComparison.Ordinal));

    private void Notice(DbCommand command)
    {
        if (Touches(command.CommandText))
        {
            counts.Invalidate();
            _pending |= command.Transaction is not null;
        }
    }

    private void Committed()
    {
        if (_pending)
        {
            _pending = false;
            counts.Invalidate();
        }
    }
}
