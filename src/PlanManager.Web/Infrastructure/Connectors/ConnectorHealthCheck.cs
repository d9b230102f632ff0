using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Connectors.Informex;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// Asks each switched-on platform one read-only question and records the answer on its
/// settings row, so support sees at a glance which connector works (C6). Runs on a schedule
/// (Hangfire) and from the "Test connection" button. Safe to run twice: it only reads and stamps.
/// </summary>
public sealed class ConnectorHealthCheck(
    PlanManagerDbContext db,
    ICapsApi caps,
    IAudatexUkApi audatex,
    IClaims360Api claims360,
    IInformexApi informex,
    TimeProvider clock,
    ILogger<ConnectorHealthCheck> logger)
{
    public const string JobId = "connector-health-check";

    public async Task RunAllAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in new[] { ConnectorKind.Caps, ConnectorKind.AudatexUk, ConnectorKind.Claims360, ConnectorKind.Informex })
        {
            await RunAsync(kind, cancellationToken);
        }
    }

    /// <summary>Checks one connector; returns null when it is switched off (nothing was called).</summary>
    public async Task<ConnectorSetting?> RunAsync(ConnectorKind kind, CancellationToken cancellationToken)
    {
        var setting = await db.ConnectorSettings.SingleAsync(s => s.Kind == kind, cancellationToken);
        if (!setting.Enabled)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var result = kind switch
        {
            ConnectorKind.Caps => await Check(ConnectorPlatform.Caps, "GET offers", ct => caps.GetOffersAsync(ct), cancellationToken),
            ConnectorKind.AudatexUk => await Check(ConnectorPlatform.AudatexUk, "GET claims", ct => audatex.GetClaimsAsync("new", ct), cancellationToken),
            ConnectorKind.Claims360 => await CheckClaims360Async(now, cancellationToken),
            ConnectorKind.Informex => await CheckInformexAsync(now, cancellationToken),
            _ => (Ok: true, Detail: (string?)null),
        };

        setting.LastCheckAt = now;
        setting.LastCheckOk = result.Ok;
        setting.LastCheckDetail = result.Detail;
        await db.SaveChangesAsync(cancellationToken);
        return setting;
    }

    private async Task<(bool Ok, string? Detail)> CheckClaims360Async(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var carrosserieId = await db.Claims360Setups.AsNoTracking().OrderBy(s => s.RepairerId).Select(s => s.CarrosserieId).FirstOrDefaultAsync(cancellationToken);
        return carrosserieId is null
            ? (false, "No repairer has a Claims360 set-up yet.")
            : await Check(ConnectorPlatform.Claims360, "GET assignments", ct => claims360.GetAssignmentsAsync(carrosserieId, now, 1, 1, ct), cancellationToken);
    }

    private async Task<(bool Ok, string? Detail)> CheckInformexAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mailbox = await db.Repairers.AsNoTracking()
            .Where(r => r.ExternalReference != null)
            .OrderBy(r => r.Id)
            .Select(r => r.ExternalReference)
            .FirstOrDefaultAsync(cancellationToken);
        return mailbox is null
            ? (false, "No repairer has an Informex mailbox number (external reference).")
            : await Check(ConnectorPlatform.Informex, "GET transmissions", ct => informex.GetTransmissionsAsync(mailbox, now, ct), cancellationToken);
    }

    private async Task<(bool Ok, string? Detail)> Check<T>(ConnectorPlatform platform, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var result = await ConnectorCall.RunAsync(platform, operation, call, logger, cancellationToken);
        return (result.Succeeded, result.Succeeded ? null : $"{result.Outcome}{(result.StatusCode is { } s ? $" (HTTP {s})" : string.Empty)}");
    }
}
