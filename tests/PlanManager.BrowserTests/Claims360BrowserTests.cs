using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Connectors.Common;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.BrowserTests;

/// <summary>The app on a fixed Kestrel port with its own sandbox switched on, the connectors pointed at it.</summary>
public sealed class SandboxAppFactory : PlanManagerFactory
{
    private readonly int _assignments;
    private readonly TimeSpan? _slowClaims360;
    private readonly int? _exportDirectLimit;

    /// <summary>
    /// <paramref name="assignments"/> per Claims360 bodyshop; <paramref name="slowClaims360"/>: each Claims360 answer that late;
    /// <paramref name="exportDirectLimit"/>: exports of more jobs than this run in the background (Exports:DirectLimit).
    /// </summary>
    public SandboxAppFactory(int assignments = 12, TimeSpan? slowClaims360 = null, int? exportDirectLimit = null)
    {
        _assignments = assignments;
        _slowClaims360 = slowClaims360;
        _exportDirectLimit = exportDirectLimit;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        UseKestrel(Port);
        PlainHttp = true;
    }

    public int Port { get; }

    /// <summary>Refresh and "Import now" run as Hangfire jobs, as in production (decision 0016).</summary>
    protected override bool RunBackgroundServer => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:Enabled", "true");
        builder.UseSetting("Sandbox:Claims360AssignmentsPerBodyshop", _assignments.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_slowClaims360 is { } slow)
        {
            builder.UseSetting("Sandbox:Fail:Claims360", "slow");
            builder.UseSetting("Sandbox:SlowDelay", slow.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_exportDirectLimit is { } direct)
        {
            builder.UseSetting("Exports:DirectLimit", direct.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var platform in Enum.GetValues<ConnectorPlatform>())
        {
            builder.UseSetting($"Connectors:{platform}:BaseUrl", $"http://127.0.0.1:{Port}/sandbox/{ConnectorOptions.SandboxSegment(platform)}");
        }
    }
}

/// <summary>Chromium against the app and its sandbox (the Belgian flow of issue 5).</summary>
public class SandboxBrowserHost : IAsyncLifetime
{
    private SandboxAppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public SandboxAppFactory Factory => _factory ?? throw new InvalidOperationException("The app is not running");
    public Uri BaseAddress => new($"http://127.0.0.1:{Factory.Port}/");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserHost.ChromiumPath))
        {
            return;
        }

        _factory = CreateFactory();
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserHost.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"],
        });
    }

    protected virtual SandboxAppFactory CreateFactory() => new();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

public sealed class Claims360BrowserTests(SandboxBrowserHost host) : IClassFixture<SandboxBrowserHost>
{
    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    [BrowserFact]
    public async Task Staff_set_up_a_repairer_refresh_accept_an_assignment_export_it_and_load_the_estimate()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Choosing the repairer without a set-up opens the dialog, prefilled with its external reference.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Claims360", Exact = true }).ClickAsync();
        await page.GetByLabel("Repairer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Garage Dubois Carrosserie *" });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Set up Claims360" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("Carrosserie Id")).Not.ToBeEmptyAsync();
        await dialog.GetByLabel("Bodyshop API key").FillAsync("c360-bodyshop-sandbox-key");
        await page.WaitForTimeoutAsync(400); // the dialog's fade-in, for the screenshot
        await page.ScreenshotAsync(new() { Path = Shot("claims360-setup-dialog-1280.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // One key alone is refused, and the dialog opens again with the message.
        dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Set up Claims360" });
        await Assertions.Expect(dialog.GetByText("Enter both API keys")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new() { Path = Shot("claims360-setup-refused-1280.png") });
        await dialog.GetByLabel("Bodyshop API key").FillAsync("c360-bodyshop-sandbox-key");
        await dialog.GetByLabel("PlanManager API key").FillAsync("c360-planmanager-sandbox-kye");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // The sandbox refuses a mistyped key as Claims360 does (401): nothing saved, said next to the keys, what was typed is still there.
        dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Set up Claims360" });
        await Assertions.Expect(dialog.GetByText("Claims360 refused these keys").First).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("Bodyshop API key")).ToHaveValueAsync("c360-bodyshop-sandbox-key");
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new() { Path = Shot("claims360-setup-keys-refused-1280.png") });
        await dialog.GetByLabel("PlanManager API key").FillAsync("c360-planmanager-sandbox-key");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Claims360 set-up saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("flash-warning")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("c360-setup")).ToContainTextAsync("••••••••");

        // Refresh imports now; with queueing on (the demo's setting) the assignments wait.
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Import done:")).ToBeVisibleAsync();
        // The import ran in the background (decision 0016): the page is shown again with what it brought.
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the result" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("progress-outcome")).ToContainTextAsync("Import done: 12 new or changed assignments.");
        var queue = page.GetByTestId("c360-queue");
        await Assertions.Expect(queue.Locator("tbody tr")).ToHaveCountAsync(12);
        await page.ScreenshotAsync(new() { Path = Shot("claims360-queue-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("claims360-queue-800.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // Accept one without a dossier: it becomes a job, which staff export, then synchronise.
        var row = queue.Locator("tbody tr").Filter(new() { HasText = "8902301" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The assignment is now a job.")).ToBeVisibleAsync();
        var tab = page.GetByTestId("c360-tab");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Export the job to Claims360" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Exported to Claims360: dossier")).ToBeVisibleAsync();
        await tab.GetByRole(AriaRole.Button, new() { Name = "Claims360 actions" }).ClickAsync();
        await tab.GetByRole(AriaRole.Button, new() { Name = "Synchronise job with Claims360" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Estimate version 1 loaded.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("c360-estimate").Locator("tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("claims360-job-estimate-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("claims360-job-estimate-800.png"), FullPage = true });

        var versions = await host.Factory.WithDbAsync(db => db.Estimates.CountAsync());
        Assert.Equal(1, versions);
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/claims360");
        await Assertions.Expect(page.GetByTestId("c360-synced")).ToContainTextAsync("8902301");
    }
}
