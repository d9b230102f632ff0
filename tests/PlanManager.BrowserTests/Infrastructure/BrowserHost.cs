using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanManager.IntegrationTests.Infrastructure;

namespace PlanManager.BrowserTests.Infrastructure;

/// <summary>The app on a real Kestrel port with its own SQLite file, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private PlanManagerFactory? _factory;
    private IPlaywright? _playwright;

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("PLANMANAGER_REQUIRE_BROWSER") == "1";

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app under test, for arranging rows in its database.</summary>
    public PlanManagerFactory Factory => _factory ?? throw new InvalidOperationException("The app is not running");
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (BrowserRequired)
            {
                throw new InvalidOperationException($"Chromium is required (PLANMANAGER_REQUIRE_BROWSER=1) but {ChromiumPath} does not exist.");
            }

            return;
        }

        _factory = new PlanManagerFactory { PlainHttp = true };
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"],
        });
    }

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

    private static string FindScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanManager.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
