using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// Hangfire's storage answers, and somewhere a server is processing jobs: a web-only node
/// reports Degraded (not Unhealthy) when no worker is alive, since the pages still work.
/// </summary>
public sealed class HangfireHealthCheck(JobStorage storage, IOptions<BackgroundJobOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers();
            var alive = servers.Count(s => s.Heartbeat is { } beat && beat > DateTime.UtcNow.AddMinutes(-5));
            var data = new Dictionary<string, object>
            {
                ["servers"] = alive,
                ["enqueued"] = monitoring.EnqueuedCount("default"),
                ["failed"] = monitoring.FailedCount(),
            };
            if (alive == 0)
            {
                var status = options.Value.RunServer ? HealthStatus.Unhealthy : HealthStatus.Degraded;
                return Task.FromResult(new HealthCheckResult(status, "No Hangfire server is processing background jobs.", data: data));
            }

            return Task.FromResult(HealthCheckResult.Healthy($"{alive} Hangfire server(s) alive.", data));
        }
#pragma warning disable CA1031 // a health check reports every failure of its dependency instead of throwing
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage cannot be reached.", ex));
        }
    }
}
