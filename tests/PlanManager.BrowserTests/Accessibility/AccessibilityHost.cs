using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Connectors.Common;
using PlanManager.IntegrationTests.Infrastructure;

namespace PlanManager.BrowserTests.Accessibility;

/// <summary>
/// The app as a user meets it for the scan: demo jobs in every status, the sandbox answering for
/// the platforms (the queues fill), the portal on; and Debian's Chromium.
/// </summary>
public sealed class AccessibilityHost : IAsyncLifetime
{
    private DemoAppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public PlanManagerFactory Factory => _factory ?? throw new InvalidOperationException("The app is not running");
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserHost.ChromiumPath))
        {
            if (BrowserHost.BrowserRequired)
            {
                throw new InvalidOperationException($"Chromium is required (PLANMANAGER_REQUIRE_BROWSER=1) but {BrowserHost.ChromiumPath} does not exist.");
            }

            return;
        }

        _factory = new DemoAppFactory();
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{_factory.Port}/");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserHost.ChromiumPath,
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

    private sealed class DemoAppFactory : PlanManagerFactory
    {
        public DemoAppFactory()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            UseKestrel(Port);
            // Kestrel on plain loopback HTTP: the app's HTTPS redirect and Secure-only cookies are off for it.
            PlainHttp = true;
        }

        public int Port { get; }

        // Enough jobs for every status, cars inside (some stale) and full pages, yet a quick seed.
        protected override int DemoJobs => 120;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sandbox:Enabled", "true");
            foreach (var platform in Enum.GetValues<ConnectorPlatform>())
            {
                builder.UseSetting($"Connectors:{platform}:BaseUrl", $"http://127.0.0.1:{Port}/sandbox/{ConnectorOptions.SandboxSegment(platform)}");
            }
        }
    }
}
