using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over HTTP on its own SQLite file (never EF InMemory), with the demo users and
/// repairers seeded but no demo jobs, so every test knows the rows it looks for.
/// </summary>
public class PlanManagerFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planmanager-tests", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase? _shared;

    /// <summary>The app on a SQLite file of its own.</summary>
    public PlanManagerFactory()
        : this(null)
    {
    }

    /// <summary>The app as one node on a database that others share; whoever made <paramref name="shared"/> disposes it.</summary>
    protected PlanManagerFactory(TestDatabase? shared)
    {
        _shared = shared;
        // The app runs as in production (outside Development): Secure cookies only, HTTP sent to HTTPS.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public string Folder => _folder;

    /// <summary>For a real Kestrel port over plain loopback HTTP (browser and sandbox tests): cookies follow the scheme.</summary>
    public bool PlainHttp
    {
        get => !ClientOptions.BaseAddress.Scheme.Equals("https", StringComparison.Ordinal);
        set => ClientOptions.BaseAddress = new Uri(value ? "http://localhost" : "https://localhost");
    }

    /// <summary>The SQLite file of a host that has its own database.</summary>
    public string DatabasePath => Path.Combine(_folder, "planmanager.db");

    public DatabaseProvider Provider => _shared?.Provider ?? DatabaseProvider.Sqlite;

    protected virtual int DemoJobs => 0;

    protected virtual bool RunBackgroundServer => false;

    /// <summary>Every in-process client comes from one address ("unknown"); the limiter tests lower this.</summary>
    protected virtual int SignInsPerClient => 100_000;

    /// <summary>Portal posts and bookings per client; the flood tests lower them.</summary>
    protected virtual int PortalPostsPerClient => 100_000;

    protected virtual int PortalBookingsPerClient => 100_000;

    /// <summary>A clock a test can move; null keeps the system clock.</summary>
    protected virtual TimeProvider? Clock => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        // Outside Development the compressed copies of wwwroot exist only after publish; load the build's manifest as dotnet run does.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _shared?.ConnectionString ?? $"Data Source={DatabasePath}");
        if (_shared?.KeyRingCertificatePath is { } keyRing)
        {
            builder.UseSetting("DataProtection:CertificatePath", keyRing);
        }

        if (Provider != DatabaseProvider.Sqlite)
        {
            // With SQLite photos sit beside the file; a server database has no folder of its own.
            builder.UseSetting("Photos:Folder", Path.Combine(_folder, "photos"));
        }

        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Jobs", DemoJobs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LogOutput:File", Path.Combine(_folder, "logs", "planmanager-.log"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests that need the Hangfire server turn it on; the rest start faster without it.
        builder.UseSetting("BackgroundJobs:RunServer", RunBackgroundServer ? "true" : "false");
        builder.UseSetting("Security:AllowPlainHttp", PlainHttp ? "true" : "false");
        builder.UseSetting("Portal:PostsPerClient", PortalPostsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:BookingsPerClient", PortalBookingsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignInsPerClient", SignInsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A Skip or Take without an OrderBy returns arbitrary rows: in the tests EF's warning is an error (issue 22 item 17).
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePlanManagerDbContext>(RowLimitsNeedAnOrder);
            services.ConfigureDbContext<SqlServerPlanManagerDbContext>(RowLimitsNeedAnOrder);
            services.ConfigureDbContext<PostgreSqlPlanManagerDbContext>(RowLimitsNeedAnOrder);
        });
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }

    private static void RowLimitsNeedAnOrder(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    /// <summary>A context on the same file, for arranging rows and checking what was stored.</summary>
    public PlanManagerDbContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
    }

    public async Task<T> WithDbAsync<T>(Func<PlanManagerDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>());
    }

    public async Task WithDbAsync(Func<PlanManagerDbContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>());
    }

    /// <summary>This app's own time zone and "today" (each app in the process has its own).</summary>
    public DisplayTime DisplayTime => Services.GetRequiredService<DisplayTime>();

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true,
        BaseAddress = ClientOptions.BaseAddress });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow machine is left for the OS to clean.
        }
    }
}
