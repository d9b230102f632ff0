using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.Jobs;

/// <summary>What the job list was asked for (J1); every value comes from the query string so a view can be bookmarked.</summary>
public sealed class JobListQuery
{
    public string? Q { get; set; }
    public JobStatus? Status { get; set; }
    public int? Repairer { get; set; }
    public bool? VehicleIn { get; set; }
    public JobSource? Source { get; set; }
    public string? Sort { get; set; }
    public string? Dir { get; set; }
    public int? Page { get; set; }
    public int? Size { get; set; }

    public static readonly string[] SortKeys = ["number", "created", "registration", "status", "completion"];

    public string SortKey => Sort is { } s && SortKeys.Contains(s) ? s : "number";
    public bool Descending => Dir is null ? SortKey is "number" or "created" : Dir == "desc";
}

public sealed record JobRow(
    int Id,
    int Number,
    string Registration,
    string? Make,
    string? Model,
    string? Customer,
    string? Insurer,
    string Repairer,
    string? ClaimNumber,
    JobStatus Status,
    bool VehicleIn,
    DateOnly? EstimatedCompletionDate,
    DateTimeOffset CreatedAt,
    JobSource Source);

/// <summary>
/// The job list query. Search terms become upper-case keys compared as index ranges (plate and
/// claim number prefixes), an exact job number, or the ids of matching customers, so it stays fast on large tables.
/// </summary>
public sealed class JobList(PlanManagerDbContext db, CappedJobCounts cappedCounts, RepairerOptions repairerOptions)
{
    /// <summary>How many matching customers a name search looks at (the newest); a name that common needs a plate or number too.</summary>
    public const int MaxCustomerMatches = 500;

    /// <summary>How many words of a term the customer search uses (the longest, so the most telling); the rest are ignored.</summary>
    public const int MaxNameWords = 4;

    /// <summary>The job list page: the matching rows and the repairers for its filter.</summary>
    public async Task<JobListModel> PageAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // One connection for the page's queries (the customers a search finds, the page, its count, the repairers) instead of
        // one taken from the pool and given back per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var rows = await HandleAsync(query, cancellationToken);
            var repairers = await repairerOptions.GetAsync(db, cancellationToken);
            return new JobListModel(query, rows, repairers);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<Page<JobRow>> HandleAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var jobs = await FilterAsync(query, cancellationToken);
        // The count needs neither the sort nor the joins of the page, and stops at the limit (Paging.HistoryCountLimit).
        var matching = Counted(jobs);
        jobs = Sort(jobs, query);

        return await jobs.Select(j => new JobRow(
                j.Id,
                j.Number,
                j.Registration,
                j.Make,
                j.Model,
                j.Owner != null ? j.Owner.Name : null,
                j.Insurer != null ? j.Insurer.Name : null,
                j.Repairer!.Name,
                j.ClaimNumber,
                j.Status,
                j.VehicleIn,
                j.EstimatedCompletionDate,
                j.CreatedAt,
                j.Source))
            .ToPageAsync(token => cappedCounts.CountAsync(matching, FilterKey(query), Paging.HistoryCountLimit, token), query.Page, query.Size, cancellationToken);
    }

    /// <summary>What <see cref="FilterAsync"/> matches depends on: equal keys, equal rows (the remembered counts' key).</summary>
    public static string FilterKey(JobListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Create(CultureInfo.InvariantCulture, $"{query.Status}|{query.Repairer}|{query.VehicleIn}|{query.Source}|{query.Q?.Trim()}");
    }

    /// <summary>The jobs the list's filters and search match, unsorted (the list, and its exports in R1).</summary>
    public async Task<IQueryable<Job>> FilterAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var jobs = db.Jobs.AsNoTracking();

        if (query.Status is { } status)
        {
            jobs = jobs.Where(j => j.Status == status);
        }

        if (query.Repairer is { } repairer)
        {
            jobs = jobs.Where(j => j.RepairerId == repairer);
        }

        if (query.VehicleIn is { } vehicleIn)
        {
            jobs = jobs.Where(j => j.VehicleIn == vehicleIn);
        }

        if (query.Source is { } source)
        {
            jobs = jobs.Where(j => j.Source == source);
        }

        return await SearchAsync(jobs, query.Q, cancellationToken);
    }

    private async Task<IQueryable<Job>> SearchAsync(IQueryable<Job> jobs, string? term, CancellationToken cancellationToken)
    {
        var key = SearchKey.Normalize(term);
        if (key.Length == 0)
        {
            // "%", "_" or "-" alone are searched as the characters they are: no plate, claim or name is only that.
            return string.IsNullOrWhiteSpace(term) ? jobs : jobs.Where(_ => false);
        }

        var upper = SearchKey.UpperBound(key);
        // The customers whose name has every word of the term (by prefix, decision 0023); their ids then use the jobs' OwnerId index.
        var ownerIds = await CustomerIds(term).ToListAsync(cancellationToken);

        var terms = new List<Expression<Func<Job, bool>>>();
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            terms.Add(j => j.Number == number);
        }

        if (upper is null)
        {
            terms.Add(j => string.Compare(j.RegistrationKey, key) >= 0);
            terms.Add(j => j.ClaimNumberKey != null && string.Compare(j.ClaimNumberKey, key) >= 0);
        }
        else
        {
            terms.Add(j => string.Compare(j.RegistrationKey, key) >= 0 && string.Compare(j.RegistrationKey, upper) < 0);
            terms.Add(j => j.ClaimNumberKey != null && string.Compare(j.ClaimNumberKey, key) >= 0 && string.Compare(j.ClaimNumberKey, upper) < 0);
        }

        if (ownerIds.Count > 0)
        {
            terms.Add(j => j.OwnerId != null && ownerIds.Contains(j.OwnerId.Value));
        }

        return jobs.Where(Predicates.AnyOf(terms));
    }

    /// <summary>
    /// The owners (at most <see cref="MaxCustomerMatches"/>) with, for every word of the term, a word of their name that starts
    /// with it, in any order: "smet", "jan", "de smet" and "smet jan" find Jan De Smet, "met" does not. Each word is an index range
    /// on <see cref="ThirdPartyNameWord.Word"/>; the longest word drives the query and the others (up to
    /// <see cref="MaxNameWords"/> in all) are checked per party on its primary key.
    /// </summary>
    public IQueryable<int> CustomerIds(string? term)
    {
        var words = SearchKey.Words(term)
            .Select(w => w.Length > SearchKey.WordLength ? w[..SearchKey.WordLength] : w)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)
            .Take(MaxNameWords)
            .ToList();
        var names = db.ThirdPartyNameWords.AsNoTracking();
        if (words.Count == 0)
        {
            return names.Where(_ => false).Select(w => w.ThirdPartyId);
        }

        var matches = names.Where(StartsWith(words[0]));
        foreach (var word in words.Skip(1))
        {
            var other = names.Where(StartsWith(word));
            matches = matches.Where(m => other.Any(w => w.ThirdPartyId == m.ThirdPartyId));
        }

        // EXISTS rather than a join: a join lets SQLite's planner start from every owner instead of the word range.
        return matches
            .Where(m => db.ThirdParties.Any(t => t.Id == m.ThirdPartyId && t.Kind == ThirdPartyKind.Owner))
            .Select(m => m.ThirdPartyId)
            .Distinct()
            .OrderByDescending(id => id)
            .Take(MaxCustomerMatches);
    }

    private static Expression<Func<ThirdPartyNameWord, bool>> StartsWith(string word)
    {
        var upper = SearchKey.UpperBound(word);
        return upper is null
            ? w => string.Compare(w.Word, word) >= 0
            : w => string.Compare(w.Word, word) >= 0 && string.Compare(w.Word, upper) < 0;
    }

    /// <summary>
    /// The order a capped count of matching jobs takes (its limit is a Take, which needs one): the order the filters' indexes
    /// already give ((Status|RepairerId|Source, CreatedAt), CreatedAt). Ordered by Id or by the list's sort, SQLite sorted every
    /// match before the limit: at 1M, 10,001 rows on every filtered page load (CountQueryPlanTests).
    /// </summary>
    public static IOrderedQueryable<Job> Counted(IQueryable<Job> jobs) => jobs.OrderBy(j => j.CreatedAt);

    public static IQueryable<Job> Sort(IQueryable<Job> jobs, JobListQuery query) => (query.SortKey, query.Descending) switch
    {
        ("created", false) => jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Number),
        ("created", true) => jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Number),
        ("registration", false) => jobs.OrderBy(j => j.RegistrationKey).ThenBy(j => j.Number),
        ("registration", true) => jobs.OrderByDescending(j => j.RegistrationKey).ThenByDescending(j => j.Number),
        ("status", false) => jobs.OrderBy(j => j.Status).ThenByDescending(j => j.Number),
        ("status", true) => jobs.OrderByDescending(j => j.Status).ThenByDescending(j => j.Number),
        ("completion", false) => jobs.OrderBy(j => j.EstimatedCompletionDate == null).ThenBy(j => j.EstimatedCompletionDate).ThenBy(j => j.Number),
        ("completion", true) => jobs.OrderByDescending(j => j.EstimatedCompletionDate).ThenByDescending(j => j.Number),
        (_, false) => jobs.OrderBy(j => j.Number),
        _ => jobs.OrderByDescending(j => j.Number),
    };
}
