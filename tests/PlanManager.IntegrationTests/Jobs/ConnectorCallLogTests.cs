using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Common;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.IntegrationTests.Jobs;

public sealed class ConnectorCallLogTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    [Fact]
    public async Task A_connector_call_about_a_job_is_written_to_its_log_with_the_outcome()
    {
        var jobId = await Factory.WithDbAsync(async db =>
        {
            var repairer = await db.Repairers.Select(r => r.Id).FirstAsync();
            var job = new JobBuilder().Number(70001).Repairer(repairer).Plate("LOG-001").Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        // CAPS is switched off here, so the gateway must not call it, and must say so on the job.
        await Factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Caps)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, false)));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var gateway = scope.ServiceProvider.GetRequiredService<ConnectorGateway>();
            var caps = scope.ServiceProvider.GetRequiredService<ICapsApi>();
            var result = await gateway.CallAsync(ConnectorPlatform.Caps, "PUT job", jobId,
                ct => caps.PutJobAsync("70001", new CapsJobSync("70001", "AVIVA01", null, null, "C", "LOG001", "BMW", null, null, false, null, null), ct),
                CancellationToken.None);
            Assert.Equal(ConnectorOutcome.Disabled, result.Outcome);
            await scope.ServiceProvider.GetRequiredService<PlanManager.Web.Data.PlanManagerDbContext>().SaveChangesAsync();
        }

        var entry = await Factory.WithDbAsync(db => db.JobLog.SingleAsync(l => l.JobId == jobId && l.MessageKey == "JobLog.ConnectorCall"));
        Assert.Equal((LogPlatform.Caps, LogLevelKind.Error), (entry.Platform, entry.Level));
        var panel = (await Browser.GetPageAsync($"/jobs/{jobId}")).QuerySelector("[data-testid=job-log]")!.TextContent;
        Assert.Contains("PUT job: not sent: connector off", panel, StringComparison.Ordinal);
        Assert.Contains("· CAPS", panel, StringComparison.Ordinal);
    }
}
