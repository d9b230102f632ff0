using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// The operator's key ring commands (see AdminCommands):
///   --rotate-keys   a new key, used from now on; older keys still read older cookies and secrets
///   --revoke-keys   after a leak: every key revoked, a new one made, connector secrets
///                   re-encrypted with it, everyone signed out
/// Connector secrets are re-encrypted in both cases, so they never depend on a key being kept.
/// </summary>
public static class KeyRingCommands
{
    public const string Rotate = "--rotate-keys";
    public const string Revoke = "--revoke-keys";
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    public static bool IsCommand(string[] args) => args.Contains(Rotate) || args.Contains(Revoke);

    public static async Task<int> RunAsync(IServiceProvider services, bool revoke, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var keys = provider.GetRequiredService<IKeyManager>();
        var secrets = provider.GetRequiredService<SecretProtector>();
        var db = provider.GetRequiredService<PlanManagerDbContext>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();

        // Read every secret while the old keys still open them.
        var settings = await db.ConnectorSettings.Where(s => s.ProtectedSecret != null).ToListAsync();
        var setups = await db.Claims360Setups.ToListAsync();
        var clear = settings.ToDictionary(s => s, s => secrets.Unprotect(s.ProtectedSecret));
        var clearSetups = setups.ToDictionary(s => s, s => (Bodyshop: secrets.Unprotect(s.ProtectedBodyshopKey), PlanManager: secrets.Unprotect(s.ProtectedPlanManagerKey)));

        if (revoke)
        {
            keys.RevokeAllKeys(now, "Revoked by an operator (--revoke-keys)");
        }

        var key = keys.CreateNewKey(now, now + KeyLifetime);
        // The ring is cached and refreshed in the background: wait until the new key is the default,
        // or the secrets would be encrypted again with the key just revoked.
        var ring = provider.GetRequiredService<IKeyRingProvider>();
        for (var tries = 0; ring.GetCurrentKeyRing().DefaultKeyId != key.KeyId; tries++)
        {
            if (tries == 300)
            {
                logger.LogError("Key {KeyId} was created but did not become the default key within 30 s; nothing was re-encrypted. Run the command again.", key.KeyId);
                return 1;
            }

            await Task.Delay(100);
        }

        var unreadable = 0;
        foreach (var (setting, value) in clear)
        {
            if (value is null)
            {
                unreadable++;
                continue;
            }

            setting.ProtectedSecret = secrets.Protect(value);
        }

        foreach (var (setup, values) in clearSetups)
        {
            if (values.Bodyshop is null || values.PlanManager is null)
            {
                unreadable++;
                continue;
            }

            setup.ProtectedBodyshopKey = secrets.Protect(values.Bodyshop);
            setup.ProtectedPlanManagerKey = secrets.Protect(values.PlanManager);
        }

        await db.SaveChangesAsync();
        if (revoke)
        {
            // The revoked keys already void every cookie; new stamps make sure no refresh revives one.
            var users = provider.GetRequiredService<UserManager<Data.ApplicationUser>>();
            foreach (var user in await users.Users.ToListAsync())
            {
                await users.UpdateSecurityStampAsync(user);
            }
        }

        logger.LogInformation("Key {KeyId} created{Revoked}; {Secrets} connector secrets re-encrypted, {Unreadable} unreadable (enter those again on Administration > Connectors)",
            key.KeyId, revoke ? ", every older key revoked" : string.Empty, clear.Count + (clearSetups.Count * 2) - unreadable, unreadable);
        return 0;
    }
}
