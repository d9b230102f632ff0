using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.BrowserTests;

/// <summary>The app with exports of more than 5 jobs in the background.</summary>
public sealed class ExportBrowserHost : SandboxBrowserHost
{
    protected override SandboxAppFactory CreateFactory() => new(exportDirectLimit: 5);
}

/// <summary>The job list's Excel button with more jobs than the direct limit (issue 23, decision 0022).</summary>
public sealed class ExportBrowserTests(ExportBrowserHost host) : IClassFixture<ExportBrowserHost>
{
    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    [BrowserFact]
    public async Task Excel_on_the_job_list_shows_the_progress_and_ends_with_the_download_link()
    {
        var repairer = await host.Factory.WithDbAsync(async db =>
        {
            var bodyshop = RepairerBuilder.Belgian("Carrosserie Export").Build();
            db.Repairers.Add(bodyshop);
            await db.SaveChangesAsync();
            db.Jobs.AddRange(Enumerable.Range(1, 8).Select(n => new JobBuilder().Number(95_000 + n).Repairer(bodyshop.Id).Plate($"1-EXB-{n:000}")
                .Status(JobStatus.InRepair).Build()));
            await db.SaveChangesAsync();
            return bodyshop.Id;
        });
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync($"/jobs?repairer={repairer}");

        await page.GetByTestId("job-export").GetByRole(AriaRole.Button, new() { Name = "Excel" }).ClickAsync();

        // The list comes back with the export's progress, which ends with the count and the link to the file.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("progress=\\d+"));
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download the file" });
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("Export ready: 8 jobs.")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(700); // Bootstrap's width transition, for the screenshot
        await page.ScreenshotAsync(new() { Path = Shot("export-job-list-done-1280.png") });

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Matches("^jobs-\\d{4}-\\d{2}-\\d{2}\\.xlsx$", file.SuggestedFilename);
    }
}
