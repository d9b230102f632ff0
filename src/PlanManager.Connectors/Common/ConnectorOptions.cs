using System.ComponentModel.DataAnnotations;

namespace PlanManager.Connectors.Common;

/// <summary>Where a platform's API lives: Connectors:&lt;Platform&gt;:BaseUrl (contracts/README.md). Credentials are not settings.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connectors";

    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>How long one attempt may take before it is abandoned and (where safe) retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Retries after the first attempt (5xx, 408, 429, timeouts). Hangfire retries multiply these: keep it small.
    /// At least 1: the standard resilience handler refuses 0 (to turn retries off, a handler without retry would be needed).
    /// </summary>
    [Range(1, 5)]
    public int MaxRetries { get; set; } = 2;

    public static string SectionFor(ConnectorPlatform platform) => $"{Section}:{platform}";

    /// <summary>The built-in sandbox of each platform on the app's default address.</summary>
    public static Uri DefaultBaseUrl(ConnectorPlatform platform) => new($"http://127.0.0.1:5080/sandbox/{SandboxSegment(platform)}");

    public static string SandboxSegment(ConnectorPlatform platform) => platform switch
    {
        ConnectorPlatform.Caps => "caps",
        ConnectorPlatform.AudatexUk => "audatex-uk",
        ConnectorPlatform.Claims360 => "claims360",
        ConnectorPlatform.Informex => "informex",
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };
}
