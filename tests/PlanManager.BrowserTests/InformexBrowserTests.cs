using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.BrowserTests;

/// <summary>The Winformex flow (C5, Q4) against the app's own Informex sandbox, with Claims360 off.</summary>
public sealed class InformexBrowserTests(SandboxBrowserHost host) : IClassFixture<SandboxBrowserHost>
{
    private const string Mailbox = "0456123789"; // Carrosserie Janssens in the demo data

    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    [BrowserFact]
    public async Task Staff_import_the_transmissions_send_a_job_to_Winformex_link_it_from_the_pick_list_and_load_the_estimate()
    {
        // A database still on Winformex II: Claims360 is off. The sandbox sends this plate to Janssens' mailbox.
        var plate = PlanManager.Sandbox.SandboxCatalog.InformexPlates(Mailbox)[0];
        var jobId = await host.Factory.WithDbAsync(async db =>
        {
            await db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Claims360).ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, false));
            var repairer = await db.Repairers.Where(r => r.ExternalReference == Mailbox).Select(r => r.Id).SingleAsync();
            var job = new JobBuilder().Number(7301).Repairer(repairer).Plate(plate).Claim("12/771234").Make("Volkswagen", "Golf").Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

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

        // Job > Job Queue > Informex, "Import now": the sandbox's transmissions arrive.
        await page.GotoAsync("/job-queue/informex");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import now" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Informex transmissions received: 12 new")).ToBeVisibleAsync();
        // The import ran in the background (decision 0016): the page is shown again with what it brought.
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the result" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("progress-outcome")).ToContainTextAsync("Informex transmissions received: 12 new");
        var queue = page.GetByTestId("ifx-queue");
        var row = queue.Locator("tbody tr").Filter(new() { HasText = plate });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // The job with the same plate is offered from the queue, before any link exists.
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Link to job 7301" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("informex-queue-1280.png"), FullPage = true });

        // The job shows the Winformex card; its data link opens the tab ("i" itself sends: RoughEdgesBrowserTests).
        await page.GotoAsync($"/jobs/{jobId}");
        var card = page.GetByTestId("ifx-card");
        await Assertions.Expect(card).ToContainTextAsync("1 transmission(s) received for this plate");
        await card.GetByRole(AriaRole.Link, new() { Name = "Second-circuit data" }).ClickAsync();

        // Second-circuit data, then "i": one dossier is created.
        await page.GetByLabel("Mileage", new() { Exact = true }).FillAsync("45210");
        await page.GetByLabel("Power").FillAsync("85");
        await page.GetByLabel("Particle filter").SelectOptionAsync("true");
        await page.GetByLabel("Previous damage").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Shot("informex-winformex-tab-1280.png"), FullPage = true });
        await page.GetByTestId("ifx-send").ClickAsync();
        await Assertions.Expect(page.GetByText("Sent to Winformex: Informex dossier")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ifx-dossier")).ToHaveTextAsync($"IFX-{Mailbox}-7301");
        await Assertions.Expect(page.GetByLabel("Power")).ToHaveValueAsync("85");

        // The pick-list offers the transmission with the job's plate; one pick links it.
        var pick = page.GetByTestId("ifx-picklist");
        await Assertions.Expect(pick.Locator("input[type=radio]")).ToHaveCountAsync(1);
        await pick.Locator("label").First.ClickAsync();
        await page.ScreenshotAsync(new() { Path = Shot("informex-picklist-1280.png"), FullPage = true });
        await page.GetByTestId("ifx-link").ClickAsync();
        await Assertions.Expect(page.GetByText("Informex has the link")).ToBeVisibleAsync();
        var assignment = (await page.GetByTestId("ifx-linked").TextContentAsync())!.Trim();
        Assert.StartsWith("D21-", assignment, StringComparison.Ordinal);

        // Linked, the dossier has an estimate to load.
        await page.GetByTestId("ifx-load-estimate").ClickAsync();
        await Assertions.Expect(page.GetByText("Estimate version 1 loaded from Informex.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ifx-estimate").Locator("tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("informex-winformex-linked-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("informex-winformex-linked-800.png"), FullPage = true });

        var file = await host.Factory.WithDbAsync(db => db.InformexJobFiles.AsNoTracking().SingleAsync(f => f.JobId == jobId));
        Assert.Equal((assignment, true, true), (file.AssignmentNumber, file.LinkSentAt is not null, file.PreviousDamage));
        await page.GotoAsync($"/jobs/{jobId}");
        await Assertions.Expect(page.GetByTestId("ifx-card-dossier")).ToHaveTextAsync($"IFX-{Mailbox}-7301");
        await page.ScreenshotAsync(new() { Path = Shot("informex-job-card-800.png"), FullPage = true });
    }
}
