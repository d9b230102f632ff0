using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.BrowserTests;

/// <summary>A manager's morning (R1): sign in onto the dashboard, its charts drawn under the CSP, then the reports; at 1280 and 800 px.</summary>
public sealed class DashboardBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task SeedAsync()
    {
        var time = host.Factory.DisplayTime;
        var today = time.Today();
        await host.Factory.WithDbAsync(async db =>
        {
            if (await db.Jobs.AnyAsync(j => j.Number > 600 && j.Number < 700))
            {
                return;
            }

            var repairers = await db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync();
            var lastMonth = time.At(new DateOnly(today.Year, today.Month, 1).AddMonths(-1).AddDays(14), new TimeOnly(12, 0));
            var number = 600;
            (JobStatus Status, int DaysIn)[] inside = [(JobStatus.InRepair, 1), (JobStatus.InRepair, 3), (JobStatus.Ready, 5), (JobStatus.Approved, 6),
                (JobStatus.InRepair, 12), (JobStatus.Delivered, 9), (JobStatus.Closed, 40), (JobStatus.New, 0), (JobStatus.Estimate, 0)];
            foreach (var (status, daysIn) in inside)
            {
                var builder = new JobBuilder().Number(++number).Repairer(repairers[number % repairers.Count]).Plate($"1-DSH-{number}").Status(status);
                var car = status is JobStatus.New or JobStatus.Estimate ? builder : builder.InsideSince(time.At(today.AddDays(-daysIn), new TimeOnly(9, 0)));
                db.Jobs.Add(car.Build());
            }

            for (var i = 0; i < 8; i++)
            {
                var left = lastMonth.AddDays(-i * 3);
                db.Jobs.Add(new JobBuilder().Number(++number).Repairer(repairers[i % repairers.Count]).Plate($"1-OUT-{number}").Status(JobStatus.Closed)
                    .Source((JobSource)(i % 6)).Created(left.AddDays(-12 - i)).InsideSince(left.AddDays(-5 - (i % 4))).OffSite(left).Build());
            }

            await db.SaveChangesAsync();
        });
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, List<string> errors)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(DemoDataSeeder.StaffEmail);
        await page.Locator("#Password").FillAsync(DemoDataSeeder.Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        return page;
    }

    private const string DrawnCharts = "Array.from(document.querySelectorAll('canvas[data-chart]')).filter(c => window.Chart && Chart.getChart(c)).length";

    /// <summary>
    /// The charts drawn once the page's scripts have run: a heading can be visible before the deferred chart script has drawn
    /// (CI once counted 0 of 2 right after the sign-in's redirect); waits up to 10 s for every chart canvas, then counts.
    /// </summary>
    private static async Task<int> DrawnChartsAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync($"document.querySelectorAll('canvas[data-chart]').length > 0 && ({DrawnCharts}) === "
                + "document.querySelectorAll('canvas[data-chart]').length", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Not every chart was drawn: the count below says how many were, and the assertion fails with it.
        }

        return await page.EvaluateAsync<int>(DrawnCharts);
    }

    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    [BrowserFact]
    public async Task Staff_land_on_the_dashboard_whose_charts_are_drawn_from_their_tables_at_1280_and_800_px()
    {
        await SeedAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var errors = new List<string>();
        var page = await SignInAsync(context, errors);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("inside-table")).ToContainTextAsync("over 30 days");
        Assert.Equal(2, await DrawnChartsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("dashboard-1280.png"), FullPage = true });

        await page.SetViewportSizeAsync(800, 900);
        await page.ReloadAsync();
        Assert.Equal(2, await DrawnChartsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll at 800 px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("dashboard-800.png"), FullPage = true });

        await page.GetByTestId("tile-inside").GetByRole(AriaRole.Link, new() { Name = "7 cars inside" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workshop/vehicles-inside"));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_reports_draw_their_charts_in_dutch_with_dutch_numbers()
    {
        await SeedAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "nl-BE",
        });
        var errors = new List<string>();
        var page = await SignInAsync(context, errors);

        await page.GotoAsync("/reports");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapporten", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(2, await DrawnChartsAsync(page));
        // Days with a decimal comma, as a Dutch reader writes them.
        await Assertions.Expect(page.GetByTestId("cycle-table")).ToContainTextAsync(",");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("reports-1280-nl.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 900);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll at 800 px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("reports-800-nl.png"), FullPage = true });
        Assert.Empty(errors);
    }
}
