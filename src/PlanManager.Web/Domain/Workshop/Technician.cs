using System.Security.Cryptography;
using System.Text;

namespace PlanManager.Web.Domain.Workshop;

/// <summary>
/// A repairer's technician (W2): clocks time on the workshop tablet with a 4-digit code. The code is
/// kept only as a hash, unique per repairer, so the code alone says which technician it is.
/// </summary>
public class Technician : IStamped
{
    public int Id { get; set; }
    public int RepairerId { get; set; }
    public Repairer? Repairer { get; set; }
    public string Name { get; set; } = string.Empty;
    public Department Department { get; set; }

    /// <summary><see cref="TechnicianCode.Hash"/> of the code; null once deactivated (the code is free again).</summary>
    public string? CodeHash { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class TechnicianLimits
{
    public const int Name = 100;
    public const int CodeHash = 64;
}

/// <summary>
/// The technician's 4-digit code. Hashed with the repairer in the salt, so it can be looked up and kept
/// unique per repairer. Ten thousand codes cannot be hidden from someone holding the database (see
/// decision 0014): the hash keeps codes off screens and exports; the kiosk's limit and lock guard them.
/// </summary>
public static class TechnicianCode
{
    public const int Length = 4;

    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);

    public static string Hash(int repairerId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var salt = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PlanManager.TechnicianCode.v1:{repairerId}"));
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, 10_000, HashAlgorithmName.SHA256, 32);
        return Convert.ToHexString(hash);
    }

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
