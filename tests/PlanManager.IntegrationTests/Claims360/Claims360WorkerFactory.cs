using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using PlanManager.Web.Features.Progress;

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
        // A kind of work of the tests' own, registered as any feature registers its work.
        builder.ConfigureTestServices(services => services.AddBackgroundWork<BrokenWork>());
    }

    /// <summary>Reports how far it got, then throws: what an unexpected error in any work looks like.</summary>
    public sealed class BrokenWork : BackgroundWork<BrokenWork.Arguments>
    {
        public sealed record Arguments(int Done, int Total);

        protected override async Task<WorkOutcome> RunAsync(Arguments arguments, IWorkProgress progress, CancellationToken cancellationToken)
        {
            await progress.ReportAsync(arguments.Done, arguments.Total, "Progress.Step.OffSite", cancellationToken);
            throw new InvalidOperationException("broken on purpose");
        }
    }
}
