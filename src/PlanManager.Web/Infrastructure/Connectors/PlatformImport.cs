using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// The skeleton the platform imports share (Claims360 C3, Informex Q4): one import per platform and
/// repairer at a time, nothing while the connector is off, every call through the gateway (logged,
/// resilient), one wording for a failure, and a page saved again once when another node inserted the
/// same rows first (the unique key decides, decision 0006).
/// </summary>
public sealed class PlatformImport(PlanManagerDbContext db, ConnectorGateway gateway, ImportLocks locks)
{
    /// <summary>Holds the import lock of <paramref name="kind"/> and the repairer; null (nothing held) while the connector is off.</summary>
    public async Task<IDisposable?> StartAsync(ConnectorKind kind, int repairerId, CancellationToken cancellationToken)
    {
        var held = await locks.AcquireAsync(kind, repairerId, cancellationToken);
        db.ChangeTracker.Clear();
        if (await db.ConnectorSettings.AsNoTracking().AnyAsync(s => s.Kind == kind && s.Enabled, cancellationToken))
        {
            return held;
        }

        held.Dispose();
        return null;
    }

    /// <summary>One call to the platform; the answer, or the failure as the import pages show it.</summary>
    public async Task<(T? Value, string? Error)> FetchAsync<T>(ConnectorKind kind, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        var result = await gateway.CallAsync(Platforms.Connector(kind), operation, null, call, cancellationToken);
        return result is { Succeeded: true, Value: { } value } ? (value, null) : (null, FailureText(result));
    }

    /// <summary>"Timeout", "ServerError (HTTP 503)", or "MalformedResponse" for a success without a body.</summary>
    public static string FailureText<T>(ConnectorResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? "MalformedResponse"
            : result.StatusCode is { } status ? string.Create(CultureInfo.InvariantCulture, $"{result.Outcome} (HTTP {status})")
            : result.Outcome.ToString();
    }

    /// <summary>Saves a page; when another node inserted one of its rows first, the page is saved once more and then finds that row.</summary>
    public async Task<T> SaveAsync<T>(Func<CancellationToken, Task<T>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await save(cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
