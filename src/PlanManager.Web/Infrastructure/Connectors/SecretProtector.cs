using Microsoft.AspNetCore.DataProtection;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// Encrypts connector secrets at rest with Data Protection; the key ring lives in the database
/// (see PlanManagerDbContext.DataProtectionKeys) so every node and every backup can read them.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PlanManager.ConnectorSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>Null when the value cannot be read (a lost key ring): the connector then counts as not configured.</summary>
    public string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
