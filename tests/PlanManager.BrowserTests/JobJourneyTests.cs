using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.BrowserTests;

/// <summary>A receptionist's first minutes: sign in, open the job list, create a job, find it again by its plate.</summary>
public sealed class JobJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task Staff_signs_in_creates_a_job_and_finds_it_by_plate()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/jobs");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jobs" })).ToBeVisibleAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "New job" }).ClickAsync();

        await page.GetByLabel("Repairer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Carrosserie Janssens" });
        await page.GetByLabel("Registration", new() { Exact = true }).FillAsync("2-brw-517");
        await page.GetByLabel("Make", new() { Exact = true }).FillAsync("Volvo");
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync("XC40 Recharge");
        await page.GetByLabel("Claim number", new() { Exact = true }).FillAsync("AG-2026-77812");
        await page.GetByLabel("Owner", new() { Exact = true }).FillAsync("Marie Claes");
        await page.GetByLabel("Vehicle in", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Job created.");
        var title = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        Assert.Matches(@"^Job #\d+$", title?.Trim());
        await Assertions.Expect(page.GetByTestId("job-log")).ToContainTextAsync("created");

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
        await page.GetByLabel("Search").FillAsync("2BRW517");
        await page.GetByLabel("Search").PressAsync("Enter");

        var rows = page.Locator("table.pm-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("2-BRW-517");
        await Assertions.Expect(rows.First).ToContainTextAsync("Marie Claes");
        await Assertions.Expect(rows.First).ToContainTextAsync(title!.Trim().Replace("Job #", string.Empty, StringComparison.Ordinal));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, "job-list-found-by-plate.png"),
            FullPage = true });
        await rows.First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, "job-screen.png"), FullPage = true });
    }
}
