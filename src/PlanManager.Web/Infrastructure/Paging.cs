using Microsoft.EntityFrameworkCore;

namespace PlanManager.Web.Infrastructure;

/// <summary>One page of rows plus what the pager needs to draw itself.</summary>
public sealed class Page<T>
{
    public Page(IReadOnlyList<T> items, int pageNumber, int pageSize, int totalCount, bool countCapped = false)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalCount = totalCount;
        CountCapped = countCapped;
    }

    public IReadOnlyList<T> Items { get; }
    public int PageNumber { get; }
    public int PageSize { get; }
    /// <summary>The rows that match, or the count limit when <see cref="CountCapped"/> (more rows match than were counted).</summary>
    public int TotalCount { get; }

    /// <summary>More rows match than the count limit: the pager says "more than" and pages only within the limit.</summary>
    public bool CountCapped { get; }
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
    public int FirstRow => TotalCount == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;
    public int LastRow => Math.Min(PageNumber * PageSize, TotalCount);
}

public static class Paging
{
    public static readonly int[] PageSizes = [25, 50, 100];
    public const int DefaultPageSize = 25;

    public static int ClampPageSize(int? size) => size is { } s && PageSizes.Contains(s) ? s : DefaultPageSize;

    public static int ClampPage(int? page) => page is > 0 and < 1_000_000 ? page.Value : 1;

    /// <summary>
    /// How many rows a list over a table that grows with history (jobs, cars inside) counts at most.
    /// Counting every match of a million jobs on every page load costs more than the page itself
    /// (docs/benchmarks.md); past this the pager says "more than 10,000" and a narrower search or
    /// the other sort order reaches older rows. 400 pages of 25 is more than anyone pages through.
    /// </summary>
    public const int HistoryCountLimit = 10_000;

    /// <summary>
    /// Counts (at most <paramref name="countLimit"/> rows when given), then reads the requested page;
    /// a page past the end shows the last one, and with a limit the last page within it.
    /// </summary>
    public static Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken cancellationToken, int? countLimit = null) =>
        query.ToPageAsync(query, page, size, cancellationToken, countLimit);

    /// <summary>
    /// As above, but counts <paramref name="counted"/>: the same rows before they are sorted and joined
    /// for display, so the count needs neither the sort nor the joins of the page. With a count limit,
    /// order <paramref name="counted"/>: the limit is a Take, and a Take without an OrderBy is an error in
    /// the tests (EF's RowLimitingOperationWithoutOrderByWarning, issue 22 item 17). Order by what the
    /// filter's index already gives, not by the key: a count ordered against its index sorts every
    /// matching row before it can stop (issue 18; <c>CountQueryPlanTests</c>).
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T, TCounted>(this IQueryable<T> query, IQueryable<TCounted> counted, int? page, int? size, CancellationToken cancellationToken, int? countLimit = null)
    {
        ArgumentNullException.ThrowIfNull(counted);
        return await query.ToPageAsync(
            async token =>
            {
                if (countLimit is not { } limit)
                {
                    return (await counted.CountAsync(token), false);
                }

                // LIMIT inside the count: the database stops after limit + 1 rows instead of walking them all.
                var total = await counted.Take(limit + 1).CountAsync(token);
                return total > limit ? (limit, true) : (total, false);
            },
            page,
            size,
            cancellationToken);
    }

    /// <summary>
    /// As above, with the count from <paramref name="count"/>: the rows that match, or the limit and true when more match.
    /// The first page is read before anything is counted: when it is not full, its rows are all the matches and the count
    /// is not asked for (most searches find a handful of jobs: one query instead of two, issue 18).
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(
        this IQueryable<T> query, Func<CancellationToken, Task<(int Total, bool Capped)>> count, int? page, int? size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(count);
        var pageSize = ClampPageSize(size);
        if (ClampPage(page) == 1)
        {
            var first = await query.Take(pageSize).ToListAsync(cancellationToken);
            if (first.Count < pageSize)
            {
                return new Page<T>(first, 1, pageSize, first.Count);
            }

            var (counted, cappedFirst) = await count(cancellationToken);
            // A row added between the page and its count cannot make the pager say fewer rows than the page shows.
            return new Page<T>(first, 1, pageSize, Math.Max(counted, first.Count), cappedFirst);
        }

        var (total, capped) = await count(cancellationToken);
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var pageNumber = Math.Min(ClampPage(page), lastPage);
        var skip = (pageNumber - 1) * pageSize;
        // Within a capped count the last page ends at the limit, as the pager says, although more rows follow.
        var take = capped ? Math.Min(pageSize, total - skip) : pageSize;
        var items = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<T>(items, pageNumber, pageSize, total, capped);
    }
}

/// <summary>What the shared _Pager partial needs, independent of the row type.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int FirstRow, int LastRow, int TotalCount, bool CountCapped = false)
{
    public static PagerModel From<T>(Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.PageNumber, page.PageCount, page.FirstRow, page.LastRow, page.TotalCount, page.CountCapped);
    }
}
