using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.BrowserTests;

/// <summary>The sandbox with 1,000 assignments per bodyshop, each page answered after 1.5 s, so the bar can be watched.</summary>
public sealed class LargeSandboxBrowserHost : SandboxBrowserHost
{
    protected override SandboxAppFactory CreateFactory() => new(assignments: 1000, slowClaims360: TimeSpan.FromSeconds(1.5));
}

/// <summary>Long work in the background with its progress bar (issue 23, decision 0016).</summary>
public sealed class ProgressBrowserTests(LargeSandboxBrowserHost host) : IClassFixture<LargeSandboxBrowserHost>
{
    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    private const string Bar = "[data-testid=progress] [role=progressbar]";

    private async Task<int> AddBodyshopAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManager.Web.Data.PlanManagerDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<SecretProtector>();
        var now = DateTimeOffset.UtcNow;
        var repairer = new Repairer { Name = "Carrosserie Vooruitgang", Country = "BE", CreatedAt = now, UpdatedAt = now };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        db.Claims360Setups.Add(new Claims360Setup
        {
            RepairerId = repairer.Id,
            CarrosserieId = "BE0777000001",
            ProtectedBodyshopKey = secrets.Protect("c360-bodyshop-sandbox-key"),
            ProtectedPlanManagerKey = secrets.Protect("c360-planmanager-sandbox-key"),
            ConfiguredAt = now,
        });
        await db.SaveChangesAsync();
        return repairer.Id;
    }

    /// <summary>
    /// The bar mid-way passes the axe scan (WCAG 2.1 A and AA) of every page, in a second tab of the same user: only that tab
    /// bypasses the CSP to add axe, so the tab under test keeps proving the bar needs no inline script.
    /// </summary>
    private async Task ScanMidwayAsync(IBrowserContext signedIn, string url)
    {
        await using var scan = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            BypassCSP = true,
            StorageState = await signedIn.StorageStateAsync(),
        });
        var page = await scan.NewPageAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        var (_, violations) = await Accessibility.Axe.RunAsync(page);
        Assert.Empty(violations);
    }

    /// <summary>Without script the same page shows the bar as far as it got and reloads itself; here in Dutch.</summary>
    private async Task WithoutScriptInDutchAsync(IBrowserContext signedIn, string url)
    {
        await using var plain = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "nl-BE",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "nl-BE,nl;q=0.9" },
            JavaScriptEnabled = false,
            StorageState = await signedIn.StorageStateAsync(),
        });
        var page = await plain.NewPageAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToContainTextAsync("Claims360-opdrachten lezen");
        await Assertions.Expect(page.Locator("head noscript")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("progress-claims360-midway-nojs-nl-1280.png") });
    }

    [BrowserFact]
    public async Task Refresh_of_1000_assignments_shows_the_bar_moving_and_ends_with_the_count()
    {
        var repairer = await AddBodyshopAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync($"/claims360?repairer={repairer}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();

        // The page is back at once with the bar; it moves while the pages arrive, without reloading.
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        var seen = new List<int>();
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until && await page.Locator(Bar).GetAttributeAsync("aria-valuenow") is var value && value != "100")
        {
            if (int.TryParse(value, out var percent) && (seen.Count == 0 || seen[^1] != percent))
            {
                seen.Add(percent);
                if (seen.Count == 2)
                {
                    await page.ScreenshotAsync(new() { Path = Shot("progress-claims360-midway-1280.png") });
                    await WithoutScriptInDutchAsync(context, page.Url);
                    await ScanMidwayAsync(context, page.Url);
                }
            }

            await page.WaitForTimeoutAsync(100);
        }

        Assert.True(seen.Count(p => p is > 0 and < 100) >= 2, "the bar did not move: " + string.Join(", ", seen));
        Assert.Equal(seen.Order(), seen);
        var live = page.Locator("[data-testid=progress] [aria-live=polite]");
        await Assertions.Expect(live).ToHaveTextAsync("Import done: 1000 new or changed assignments.", new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(700); // Bootstrap's width transition, for the screenshot
        await page.ScreenshotAsync(new() { Path = Shot("progress-claims360-done-1280.png") });

        // "Show the result" shows the page again with the queue the import filled.
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the result" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("progress-outcome")).ToHaveTextAsync("Import done: 1000 new or changed assignments.");
        Assert.Equal(1000, await host.Factory.WithDbAsync(db => db.Claims360Items.CountAsync(i => i.RepairerId == repairer)));
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("progress-claims360-done-390.png") });
    }
}
