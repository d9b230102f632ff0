using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// The credentials of each platform, read from the connector settings at the moment of the call:
/// a connector switched off (or without a secret) gets no headers, so the client refuses to send.
/// A singleton (HTTP handlers outlive requests), so each look-up opens its own scope.
/// </summary>
public sealed class DatabaseConnectorCredentials(IServiceScopeFactory scopes, SecretProtector secrets) : IConnectorCredentials
{
    public async ValueTask<IReadOnlyDictionary<string, string>?> GetHeadersAsync(ConnectorPlatform platform, string? scope, CancellationToken cancellationToken)
    {
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        var kind = Platforms.Kind(platform);
        var setting = await db.ConnectorSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Kind == kind, cancellationToken);
        if (setting is not { Enabled: true })
        {
            return null;
        }

        switch (platform)
        {
            case ConnectorPlatform.Caps when secrets.Unprotect(setting.ProtectedSecret) is { } key && !string.IsNullOrWhiteSpace(setting.SiteCode):
                return new Dictionary<string, string> { ["X-Caps-Api-Key"] = key, ["X-Caps-Site"] = setting.SiteCode };
            case ConnectorPlatform.AudatexUk when secrets.Unprotect(setting.ProtectedSecret) is { } token:
                return new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" };
            case ConnectorPlatform.Informex when secrets.Unprotect(setting.ProtectedSecret) is { } key:
                return new Dictionary<string, string> { ["X-Informex-Api-Key"] = key };
            case ConnectorPlatform.Claims360 when scope is not null:
                var setup = await db.Claims360Setups.AsNoTracking().SingleOrDefaultAsync(s => s.CarrosserieId == scope, cancellationToken);
                return setup is not null
                    && secrets.Unprotect(setup.ProtectedBodyshopKey) is { } bodyshopKey
                    && secrets.Unprotect(setup.ProtectedPlanManagerKey) is { } planManagerKey
                    ? new Dictionary<string, string> { ["X-Bodyshop-Api-Key"] = bodyshopKey, ["X-PlanManager-Api-Key"] = planManagerKey }
                    : null;
            default:
                return null;
        }
    }

    public async ValueTask<bool> IsEnabledAsync(ConnectorPlatform platform, CancellationToken cancellationToken)
    {
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        var kind = Platforms.Kind(platform);
        return await db.ConnectorSettings.AsNoTracking().AnyAsync(s => s.Kind == kind && s.Enabled, cancellationToken);
    }
}
