using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// The one way features call a platform: the call's outcome becomes a value (never an
/// exception), and a call about a job leaves a line in that job's log (J5) saved with the
/// caller's next SaveChanges: platform, operation, outcome, short detail, no secrets.
/// </summary>
public sealed class ConnectorGateway(PlanManagerDbContext db, JobLogWriter log, ILogger<ConnectorGateway> logger)
{
    public async Task<ConnectorResult<T>> CallAsync<T>(ConnectorPlatform platform, string operation, int? jobId, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var result = await ConnectorCall.RunAsync(platform, operation, call, logger, cancellationToken);
        if (jobId is { } id)
        {
            log.Add(db, id, JobLogMessages.ConnectorCall, Describe(operation, result), Platforms.LogPlatform(platform),
                result.Succeeded ? LogLevelKind.Info : LogLevelKind.Error);
        }

        return result;
    }

    public Task<ConnectorResult<bool>> CallAsync(ConnectorPlatform platform, string operation, int? jobId, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(platform, operation, jobId, async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);

    /// <summary>"operation|outcome|detail": the log panel translates the outcome.</summary>
    internal static string Describe<T>(string operation, ConnectorResult<T> result)
    {
        var detail = result.Succeeded ? string.Empty : $"HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
        return $"{operation}|{result.Outcome}|{detail}";
    }
}
