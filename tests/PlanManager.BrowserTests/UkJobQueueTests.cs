using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.BrowserTests;

/// <summary>The UK flow (Q1, C1): support switches CAPS on, staff accepts one offer and denies another, the new job syncs to CAPS.</summary>
public sealed class UkJobQueueTests(UkBrowserHost host) : IClassFixture<UkBrowserHost>
{
    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    private static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(email);
        return page;
    }

    private Task<IBrowserContext> NewContextAsync() => host.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = host.BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "en-GB",
    });

    [BrowserFact]
    public async Task Support_switches_caps_on_and_staff_accepts_one_offer_denies_another_and_the_job_syncs()
    {
        // CAPS starts off (its site code and key stay stored), as in a database where support has not activated it yet.
        await host.Factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Caps)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, false)));

        await using (var supportContext = await NewContextAsync())
        {
            var support = await SignInAsync(supportContext, DemoDataSeeder.SupportEmail);
            await support.GotoAsync("/administration/connectors");
            var card = support.GetByTestId("connector-caps-form");
            await card.GetByLabel("Switched on").CheckAsync();
            await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(support.GetByTestId("connector-caps-state")).ToHaveTextAsync("On");
        }

        await using var context = await NewContextAsync();
        var page = await SignInAsync(context, DemoDataSeeder.StaffEmail);

        // Job > Job Queue > CAPS
        await page.GetByRole(AriaRole.Button, new() { Name = "Job" })
            .Or(page.GetByRole(AriaRole.Link, new() { Name = "Job", Exact = true })).First.ClickAsync();
        // From the menu (the dashboard below it links to the queue too).
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "CAPS" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Job Queue: CAPS" })).ToBeVisibleAsync();
        var rows = page.GetByTestId("queue-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var offers = await rows.CountAsync();
        Assert.True(offers >= 2, "the sandbox offers at least two jobs");
        var toAccept = await rows.Nth(0).GetAttributeAsync("data-claim");
        var toDeny = await rows.Nth(1).GetAttributeAsync("data-claim");
        await page.ScreenshotAsync(new() { Path = Shot("caps-queue-1280.png"), FullPage = true });

        // Deny: the dialog refuses a blank reason, then sends the typed one.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Deny claim {toDeny}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Reason").FillAsync("   ");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deny and tell CAPS" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("A reason is required.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("caps-deny-dialog-1280.png") });
        await dialog.GetByLabel("Reason").FillAsync("No paint booth free until next month");
        await page.ScreenshotAsync(new() { Path = Shot("caps-deny-dialog-filled-1280.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deny and tell CAPS" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Offer denied" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-claim='{toDeny}']")).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("caps-queue-800.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the queue is wider than a tablet");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Accept claim {toAccept}" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).First).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.SetViewportSizeAsync(1280, 900);

        // The decided view says who denied what and why.
        await page.GetByRole(AriaRole.Link, new() { Name = "Decided" }).ClickAsync();
        var denied = page.Locator($"[data-claim='{toDeny}']");
        await Assertions.Expect(denied).ToContainTextAsync("No paint booth free until next month");
        await Assertions.Expect(denied).ToContainTextAsync(DemoDataSeeder.StaffEmail);
        await page.ScreenshotAsync(new() { Path = Shot("caps-decided-1280.png"), FullPage = true });

        // Accept opens the new job; its log shows the CAPS sync once the delay has passed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Waiting" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Accept claim {toAccept}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Offer accepted" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Claim number")).ToHaveValueAsync(toAccept!);
        var log = page.GetByTestId("job-log");
        await Assertions.Expect(log).ToContainTextAsync("CAPS sync planned");

        // The push waits for the sync delay and Hangfire's polling; on a loaded CI machine allow two minutes.
        var synced = false;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!synced && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            synced = (await log.TextContentAsync() ?? string.Empty).Contains("PUT job: ok", StringComparison.Ordinal);
        }

        Assert.True(synced, "the job log shows the CAPS push");
        await Assertions.Expect(page.GetByTestId("caps-sync-state")).ToContainTextAsync("Synced with CAPS at");
        await page.ScreenshotAsync(new() { Path = Shot("caps-job-synced-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("caps-job-synced-800.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the job page is wider than a tablet");
    }
}
