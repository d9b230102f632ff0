namespace PlanManager.Web.Domain;

/// <summary>What support can switch on or off for the whole database (C6).</summary>
public enum ConnectorKind
{
    Caps = 1,
    AudatexUk = 2,
    Claims360 = 3,
    Informex = 4,
    Portal = 5,
}

/// <summary>
/// One connector's database-wide settings. The secret (API key or token) is stored only
/// encrypted with Data Protection and is never shown back.
/// </summary>
public class ConnectorSetting
{
    public ConnectorKind Kind { get; set; }
    public bool Enabled { get; set; }

    /// <summary>CAPS site code (sent as X-Caps-Site).</summary>
    public string? SiteCode { get; set; }

    /// <summary>Claims360: assignments wait in the queue (true) or become jobs at once (false).</summary>
    public bool Claims360Queueing { get; set; }

    /// <summary>The API key or token, encrypted; null when none was entered.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>When a person last changed the configuration (the health check and imports do not count); column UpdatedAt.</summary>
    public DateTimeOffset? ConfiguredAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>The last connection check (manual or the recurring health job).</summary>
    public DateTimeOffset? LastCheckAt { get; set; }
    public bool? LastCheckOk { get; set; }
    public string? LastCheckDetail { get; set; }

    public bool HasSecret => !string.IsNullOrEmpty(ProtectedSecret);

    /// <summary>Which kinds carry a secret at all.</summary>
    public static bool UsesSecret(ConnectorKind kind) => kind is ConnectorKind.Caps or ConnectorKind.AudatexUk or ConnectorKind.Informex;
}

/// <summary>Claims360 is configured per repairer (C2): its Carrosserie Id and two keys, the keys encrypted.</summary>
public class Claims360Setup
{
    public int RepairerId { get; set; }
    public Repairer? Repairer { get; set; }
    public string CarrosserieId { get; set; } = string.Empty;
    public string ProtectedBodyshopKey { get; set; } = string.Empty;
    public string ProtectedPlanManagerKey { get; set; } = string.Empty;
    /// <summary>When support last saved the set-up (imports do not count); column UpdatedAt.</summary>
    public DateTimeOffset ConfiguredAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>When the last import for this repairer succeeded (C3).</summary>
    public DateTimeOffset? LastImportAt { get; set; }

    /// <summary>The newest assignment updatedAt seen: the next import's updatedSince.</summary>
    public DateTimeOffset? ImportedUpTo { get; set; }

    /// <summary>The last import's failure, cleared by a good import.</summary>
    public DateTimeOffset? LastImportErrorAt { get; set; }
    public string? LastImportError { get; set; }
}

/// <summary>Who changed which setting when; never a secret value.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = string.Empty;
    public string Area { get; set; } = string.Empty;
    public string Action { get; set; } = string.Empty;
    public string? Detail { get; set; }
}
