using PlanManager.IntegrationTests.Infrastructure;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>The dashboard and reports of a database without a single job: every figure is there, at zero.</summary>
public sealed class EmptyDashboardTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    [Fact]
    public async Task The_dashboard_of_an_empty_database_shows_every_tile_at_zero()
    {
        var page = await Browser.GetPageAsync("/");

        Assert.Equal("0 cars inside", page.QuerySelector("[data-testid=tile-inside] a")!.TextContent.Trim());
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=inside-table] tbody tr").Length);
        Assert.All(page.QuerySelectorAll("[data-testid=inside-table] td, [data-testid=status-table] td, [data-testid=queue-table] td[data-value]"),
            cell => Assert.Equal("0", cell.TextContent.Trim()));
        Assert.Equal("0", page.QuerySelector("[data-testid=caps-waiting]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=stale-inside]"));
    }

    [Fact]
    public async Task The_reports_of_an_empty_database_show_every_month_with_no_cars_and_no_jobs()
    {
        var page = await Browser.GetPageAsync("/reports");

        var cycle = page.QuerySelectorAll("[data-testid=cycle-table] tbody tr");
        Assert.Equal(12, cycle.Length);
        Assert.All(cycle, r => Assert.Equal(["–", "–", "0"], r.Children.Skip(1).Select(c => c.TextContent.Trim())));
        Assert.All(page.QuerySelectorAll("[data-testid=source-table] tbody td"), c => Assert.Equal("0", c.TextContent.Trim()));
        Assert.Contains("No car left", page.QuerySelector("[data-testid=report-cycle]")!.TextContent, StringComparison.Ordinal);
    }
}
