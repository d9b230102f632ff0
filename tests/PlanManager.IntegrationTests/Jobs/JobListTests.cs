using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>The job list on a database with 60 known jobs: filters, search, sorting and paging return exactly the right rows.</summary>
public sealed class JobListTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private int _gent;
    private int _leeds;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Factory.WithDbAsync(async db =>
        {
            _gent = await db.Repairers.Where(r => r.City == "Gent").Select(r => r.Id).SingleAsync();
            _leeds = await db.Repairers.Where(r => r.City == "Leeds").Select(r => r.Id).SingleAsync();
            if (await db.Jobs.AnyAsync())
            {
                return;
            }

            var owner = new ThirdParty { Kind = ThirdPartyKind.Owner, Name = "Élise Vandenbroucke" };
            owner.RefreshSearchKeys();
            var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
            for (var n = 1; n <= 60; n++)
            {
                var builder = new JobBuilder()
                    .Number(1000 + n)
                    .Repairer(n % 2 == 0 ? _gent : _leeds)
                    .Status(n % 3 == 0 ? JobStatus.InRepair : JobStatus.Estimate)
                    .Plate($"1-LST-{n:000}")
                    .Claim($"CLAIM-{n:0000}")
                    .Created(start.AddDays(n));
                if (n == 42)
                {
                    builder.Owner(owner).Plate("YA22 LFL");
                }

                if (n % 10 == 0)
                {
                    builder.Inside();
                }

                db.Jobs.Add(builder.Build());
            }

            await db.SaveChangesAsync();
        });
    }

    private async Task<List<int>> NumbersOnAsync(string url)
    {
        var page = await Browser.GetPageAsync(url);
        return page.QuerySelectorAll("table.pm-table tbody tr td:first-child a")
            .Select(a => int.Parse(a.TextContent, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    [Fact]
    public async Task The_first_page_shows_the_newest_25_jobs_and_the_total()
    {
        var page = await Browser.GetPageAsync("/jobs");
        var numbers = page.QuerySelectorAll("table.pm-table tbody tr td:first-child a").Select(a => a.TextContent).ToList();

        Assert.Equal(Enumerable.Range(1036, 25).Reverse().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), numbers);
        Assert.Equal("1–25 of 60", page.QuerySelector("[data-testid=pager-summary]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Status_and_repairer_filters_combine_and_page()
    {
        // InRepair = multiples of 3; Gent = even numbers: multiples of 6 from 1001..1060 → 10 jobs.
        var numbers = await NumbersOnAsync($"/jobs?status=InRepair&repairer={_gent}&sort=number&dir=asc&size=25");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => 1000 + (i * 6)), numbers);
    }

    [Fact]
    public async Task Page_two_continues_where_page_one_stopped()
    {
        var numbers = await NumbersOnAsync("/jobs?sort=number&dir=asc&page=2&size=25");
        Assert.Equal(Enumerable.Range(1026, 25), numbers);

        var last = await NumbersOnAsync("/jobs?sort=number&dir=asc&page=3&size=25");
        Assert.Equal(Enumerable.Range(1051, 10), last);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var numbers = await NumbersOnAsync("/jobs?sort=number&dir=asc&page=99&size=50");
        Assert.Equal(Enumerable.Range(1051, 10), numbers);
    }

    [Fact]
    public async Task A_count_limit_stops_counting_and_pages_only_within_it()
    {
        // The job list counts at most Paging.HistoryCountLimit matches; the same rule with a limit of 30 on the 60 jobs.
        var page = await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Number > 1000).OrderBy(j => j.Number).Select(j => j.Number)
            .ToPageAsync(99, 25, CancellationToken.None, countLimit: 30));

        Assert.True(page.CountCapped);
        Assert.Equal(30, page.TotalCount);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal(Enumerable.Range(1026, 5), page.Items);
        Assert.Equal(30, page.LastRow);
    }

    [Fact]
    public async Task A_count_under_the_limit_is_exact()
    {
        var page = await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Number > 1000).OrderBy(j => j.Number).Select(j => j.Number)
            .ToPageAsync(3, 25, CancellationToken.None, countLimit: 60));

        Assert.False(page.CountCapped);
        Assert.Equal(60, page.TotalCount);
        Assert.Equal(Enumerable.Range(1051, 10), page.Items);
    }

    [Fact]
    public async Task Vehicle_in_filter_lists_only_cars_inside()
    {
        var numbers = await NumbersOnAsync("/jobs?vehicleIn=true");
        Assert.Equal([1060, 1050, 1040, 1030, 1020, 1010], numbers);
    }

    [Theory]
    [InlineData("1lst007", 1007)]
    [InlineData("1-LST-007", 1007)]
    [InlineData("ya22lfl", 1042)]
    [InlineData("claim-0013", 1013)]
    [InlineData("vandenbr", 1042)]
    [InlineData("elise", 1042)]
    [InlineData("1033", 1033)]
    public async Task Search_finds_a_job_by_plate_claim_customer_or_number(string term, int expected)
    {
        var numbers = await NumbersOnAsync("/jobs?q=" + Uri.EscapeDataString(term));
        Assert.Equal([expected], numbers);
    }

    [Fact]
    public async Task A_plate_prefix_finds_every_plate_that_starts_with_it()
    {
        var numbers = await NumbersOnAsync("/jobs?q=1-lst-01&sort=number&dir=asc");
        Assert.Equal(Enumerable.Range(1010, 10), numbers);
    }

    [Fact]
    public async Task Sorting_by_registration_orders_the_plates()
    {
        var page = await Browser.GetPageAsync("/jobs?sort=registration&dir=desc&size=25");
        var plates = page.QuerySelectorAll("table.pm-table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("YA22 LFL", plates[0]);
        Assert.Equal(plates.Skip(1).OrderByDescending(p => p, StringComparer.Ordinal), plates.Skip(1));
        Assert.Equal("descending", page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("%%__")]
    [InlineData(" - ")]
    public async Task Wildcard_characters_are_searched_as_characters_and_match_nothing(string term)
    {
        var page = await Browser.GetPageAsync("/jobs?q=" + Uri.EscapeDataString(term));
        Assert.Contains("No jobs match this search", page.QuerySelector("table.pm-table tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_without_matches_says_so()
    {
        var page = await Browser.GetPageAsync("/jobs?q=zzzz-nothing");
        Assert.Contains("No jobs match this search", page.QuerySelector("table.pm-table tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_survive_in_the_pager_links()
    {
        var page = await Browser.GetPageAsync($"/jobs?repairer={_gent}&size=25");
        var next = page.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"repairer={_gent}", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
    }
}
