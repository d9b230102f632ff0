namespace PlanManager.Sandbox;

/// <summary>The built-in imitation of the four platforms (Sandbox section). Never on in production.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; set; }

    /// <summary>The credentials the sandbox accepts; the demo seed stores the same ones in the connector settings.</summary>
    public SandboxCredentials Credentials { get; set; } = new();

    /// <summary>
    /// Make a platform fail on purpose, per platform ("Caps", "AudatexUk", "Claims360", "Informex"):
    /// "500", "503", "429" (with Retry-After), "slow" (answers after <see cref="SlowDelay"/>) or "malformed".
    /// A request can ask for the same with the X-Sandbox-Fail header.
    /// </summary>
    public Dictionary<string, string> Fail { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many assignments each Claims360 bodyshop has (raise it for load tests).</summary>
    public int Claims360AssignmentsPerBodyshop { get; set; } = 12;
}

public sealed class SandboxCredentials
{
    public string CapsSite { get; set; } = "SANDBOX-SITE";
    public string CapsApiKey { get; set; } = "caps-sandbox-key";
    public string AudatexUkToken { get; set; } = "audatex-sandbox-token";
    public string InformexApiKey { get; set; } = "informex-sandbox-key";
    public string Claims360BodyshopKey { get; set; } = "c360-bodyshop-sandbox-key";
    public string Claims360PlanManagerKey { get; set; } = "c360-planmanager-sandbox-key";
}
