using Microsoft.EntityFrameworkCore;

namespace PlanManager.Web.Infrastructure;

/// <summary>One page of rows plus what the pager needs to draw itself.</summary>
public sealed class Page<T>
{
    public Page(IReadOnlyList<T> items, int pageNumber, int pageSize, int totalCount)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalCount = totalCount;
    }

    public IReadOnlyList<T> Items { get; }
    public int PageNumber { get; }
    public int PageSize { get; }
    public int TotalCount { get; }
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

    /// <summary>Counts, then reads the requested page; a page past the end shows the last one.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = ClampPageSize(size);
        var total = await query.CountAsync(cancellationToken);
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var pageNumber = Math.Min(ClampPage(page), lastPage);
        var items = await query.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, pageNumber, pageSize, total);
    }
}

/// <summary>What the shared _Pager partial needs, independent of the row type.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int FirstRow, int LastRow, int TotalCount)
{
    public static PagerModel From<T>(Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.PageNumber, page.PageCount, page.FirstRow, page.LastRow, page.TotalCount);
    }
}
