using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Jobs;

/// <summary>
/// Remembers which job list filters match far more jobs than the list counts, so their pages skip the count (issue 18: on
/// the unfiltered list the capped count was a sixth of the request, reading 10,001 index entries on every page).
/// <para>
/// A filter is remembered only when it matched more than <see cref="Paging.HistoryCountLimit"/> + <see cref="DefaultMargin"/> jobs.
/// It then still matches more than the limit until <see cref="DefaultMargin"/> job rows have been changed or deleted
/// (<see cref="JobListWriteNotice"/> counts them), so the pager's "more than 10,000" stays true: the page is the same as
/// with a count. Writes on another node of a cluster are not seen here; <see cref="Lifetime"/> bounds that. Decision 0024.
/// </para>
/// </summary>
public sealed class CappedJobCounts(TimeProvider clock, int margin = CappedJobCounts.DefaultMargin)
{
    /// <summary>Job rows that may leave a remembered filter before it is counted again.</summary>
    public const int DefaultMargin = 1_000;

    /// <summary>Job rows that may leave a remembered filter before it is counted again.</summary>
    public int Margin { get; } = margin;

    /// <summary>How long a filter is remembered at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Filters remembered at most (a search term is part of the key); past it they are forgotten together.</summary>
    public const int MaxFilters = 1_000;

    private readonly ConcurrentDictionary<string, Remembered> _filters = new(StringComparer.Ordinal);
    private long _writes;

    /// <summary>
    /// The count of <paramref name="counted"/> up to <paramref name="limit"/> (capped above it), or the remembered cap without a
    /// query. <paramref name="filter"/> names the filter: equal keys must mean equal rows.
    /// </summary>
    public async Task<(int Total, bool Capped)> CountAsync<T>(IQueryable<T> counted, string filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var now = clock.GetUtcNow();
        var writes = Interlocked.Read(ref _writes);
        if (_filters.TryGetValue(filter, out var known) && now < known.Until && writes - known.Writes < Margin)
        {
            return (limit, true);
        }

        var total = await counted.Take(limit + Margin + 1).CountAsync(cancellationToken);
        if (total > limit + Margin)
        {
            if (_filters.Count >= MaxFilters)
            {
                _filters.Clear();
            }

            // The writes read before the count: a change made while it ran is counted against the filter.
            _filters[filter] = new Remembered(writes, now + Lifetime);
        }
        else
        {
            _filters.TryRemove(filter, out _);
        }

        return total > limit ? (limit, true) : (total, false);
    }

    /// <summary>Job rows changed or deleted (or a command that may have changed some: at least one).</summary>
    public void Written(int rows) => Interlocked.Add(ref _writes, Math.Max(rows, 1));

    private sealed record Remembered(long Writes, DateTimeOffset Until);
}

/// <summary>
/// Counts the job rows this process changes or deletes for <see cref="CappedJobCounts"/>: every UPDATE or DELETE EF sends that
/// names a table the job list filters on (jobs, and the customer names its search reads), from a save or a bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> (their affected rows). Inserts only add matches, so they cannot make a capped
/// filter uncapped.
/// </summary>
public sealed class JobListWriteNotice(CappedJobCounts counts) : DbCommandInterceptor
{
    private static readonly string[] Tables = ["\"Jobs\"", "[Jobs]", "\"ThirdParties\"", "[ThirdParties]", "\"ThirdPartyNameWords\"", "[ThirdPartyNameWords]"];

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Notice(command, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Notice(command, null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Notice(command, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Notice(command, result);
        return ValueTask.FromResult(result);
    }

    /// <summary>How many rows a command may have changed or deleted in the job list's tables (0: none).</summary>
    public static int Changes(string? sql, int? affected)
    {
        if (sql is null)
        {
            return 0;
        }

        // A save sends one statement per changed row (batched in one command); a bulk statement reports its rows.
        var statements = Occurrences(sql, "UPDATE ") + Occurrences(sql, "DELETE ");
        return statements == 0 || !Tables.Any(t => sql.Contains(t, StringComparison.Ordinal)) ? 0 : Math.Max(statements, affected ?? 0);
    }

    private static int Occurrences(string sql, string word)
    {
        var count = 0;
        for (var i = sql.IndexOf(word, StringComparison.Ordinal); i >= 0; i = sql.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private void Notice(DbCommand command, int? affected)
    {
        var rows = Changes(command.CommandText, affected);
        if (rows > 0)
        {
            counts.Written(rows);
        }
    }
}
