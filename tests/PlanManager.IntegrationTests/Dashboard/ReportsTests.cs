using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>The Reports page (R1) on a known data set: cycle times per month and repairer, jobs per source per month.</summary>
public sealed class ReportsTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private const string RepairerName = "Cycle Time Repairs";
    private const string OtherName = "No Cars Repairs";

    /// <summary>
    /// Last month two cars left: in 4 and 6 days keys to keys, 10 and 14 days after their jobs were opened. The month before, one
    /// car from before arrival times were kept left 7 days after its job was opened. Last month's jobs: 2 staff, 1 portal, 1 CAPS.
    /// </summary>
    private async Task<(int Repairer, int Other)> ArrangeAsync()
    {
        var time = Factory.DisplayTime;
        var today = time.Today();
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = time.At(firstOfMonth.AddMonths(-1).AddDays(14), new TimeOnly(12, 0));
        var monthBefore = time.At(firstOfMonth.AddMonths(-2).AddDays(14), new TimeOnly(12, 0));
        return await Factory.WithDbAsync(async db =>
        {
            if (await db.Repairers.SingleOrDefaultAsync(r => r.Name == RepairerName) is { } existing)
            {
                return (existing.Id, await db.Repairers.Where(r => r.Name == OtherName).Select(r => r.Id).SingleAsync());
            }

            var repairer = RepairerBuilder.Belgian(RepairerName).Build();
            var other = RepairerBuilder.Belgian(OtherName).Build();
            db.Repairers.AddRange(repairer, other);
            await db.SaveChangesAsync();
            JobBuilder Job() => new JobBuilder().Repairer(repairer.Id).Status(JobStatus.Closed);
            db.Jobs.AddRange(
                Job().Created(lastMonth.AddDays(-10)).InsideSince(lastMonth.AddDays(-4)).OffSite(lastMonth).Build(),
                Job().Created(lastMonth.AddDays(-14)).InsideSince(lastMonth.AddDays(-6)).OffSite(lastMonth).Build(),
                Job().Created(monthBefore.AddDays(-7)).OffSite(monthBefore).Build(),
                Job().Created(lastMonth).Source(JobSource.Portal).Status(JobStatus.New).Build(),
                Job().Created(lastMonth).Source(JobSource.Caps).Status(JobStatus.New).Build());
            await db.SaveChangesAsync();
            return (repairer.Id, other.Id);
        });
    }

    private static string[] Cells(IHtmlDocument page, string testId, int fromEnd) =>
        [.. page.QuerySelectorAll($"[data-testid={testId}] tbody tr")[^fromEnd].Children.Skip(1).Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task Cycle_times_are_averaged_per_month_of_leaving_keys_to_keys_only_for_cars_with_an_arrival()
    {
        var (repairer, _) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/reports?repairer={repairer}");

        Assert.Equal(12, page.QuerySelectorAll("[data-testid=cycle-table] tbody tr").Length);
        Assert.Equal(["–", "–", "0"], Cells(page, "cycle-table", 1));
        Assert.Equal(["5.0", "12.0", "2"], Cells(page, "cycle-table", 2));
        Assert.Equal(["–", "7.0", "1"], Cells(page, "cycle-table", 3));
        // The chart reads the raw numbers beside the formatted ones.
        Assert.Equal("5.0", page.QuerySelectorAll("[data-testid=cycle-table] tbody tr")[^2].Children[1].GetAttribute("data-value"));
    }

    [Fact]
    public async Task All_repairers_list_each_repairer_that_had_cars_leave_over_the_period()
    {
        await ArrangeAsync();
        var page = await Browser.GetPageAsync("/reports?months=6");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=per-repairer-table] tbody tr"));
        Assert.Equal([RepairerName, "3", "5.0", "10.3"], row.Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=source-table] tbody tr").Length);
    }

    [Fact]
    public async Task Jobs_are_counted_per_source_and_month_of_opening()
    {
        var (repairer, _) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/reports?repairer={repairer}");

        var headers = page.QuerySelectorAll("[data-testid=source-table] thead th").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["Month", "Staff", "Portal", "CAPS", "AudatexUK", "Claims360", "Informex", "Total"], headers);
        Assert.Equal(["2", "1", "1", "0", "0", "0", "4"], Cells(page, "source-table", 2));
        Assert.Equal(["1", "0", "0", "0", "0", "0", "1"], Cells(page, "source-table", 3));
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0"], Cells(page, "source-table", 1));
    }

    [Fact]
    public async Task A_repairer_with_no_jobs_has_empty_months()
    {
        var (_, other) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/reports?repairer={other}");

        Assert.All(page.QuerySelectorAll("[data-testid=cycle-table] tbody tr"),
            r => Assert.Equal(["–", "–", "0"], r.Children.Skip(1).Select(c => c.TextContent.Trim())));
        Assert.All(page.QuerySelectorAll("[data-testid=source-table] tbody td"), c => Assert.Equal("0", c.TextContent.Trim()));
    }
}
