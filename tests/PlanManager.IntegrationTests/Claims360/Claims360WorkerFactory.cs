using Microsoft.AspNetCore.Hosting;

namespace PlanManager.IntegrationTests.Claims360;

/// <summary>
/// Claims360 played by WireMock, with the Hangfire server on: a Refresh runs in the background as in production.
/// The recurring imports and the health check never fire on their own, so every platform call is the test's.
/// </summary>
public sealed class Claims360WorkerFactory : Claims360Factory
{
    public const string Never = "0 0 31 2 *";

    protected override bool RunBackgroundServer => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Connectors:Claims360:ImportCron", Never);
        builder.UseSetting("Connectors:Informex:ImportCron", Never);
        builder.UseSetting("BackgroundJobs:ConnectorHealthCron", Never);
        builder.UseSetting("Progress:SweepCron", Never);
    }
}
