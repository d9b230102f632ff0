namespace PlanManager.Web.Domain;

/// <summary>
/// One version of a job's estimate from Claims360 or Informex (same shape on both platforms);
/// every version is kept, (JobId, Platform, Version) unique.
/// </summary>
public class EstimateVersion
{
    public int Id { get; set; }
    public int JobId { get; set; }

    /// <summary>The platform the estimate was loaded from: Claims360 or Informex.</summary>
    public LogPlatform Platform { get; set; } = LogPlatform.Claims360;
    public string EstimateNumber { get; set; } = string.Empty;
    public int Version { get; set; }
    public string? Currency { get; set; }
    public decimal? LabourHours { get; set; }
    public decimal TotalExclVat { get; set; }
    public decimal VatAmount { get; set; }
    public decimal TotalInclVat { get; set; }
    public DateTimeOffset PlatformUpdatedAt { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
    public List<EstimateLine> Lines { get; } = [];
}

public class EstimateLine
{
    public int Id { get; set; }
    public int EstimateVersionId { get; set; }
    public int LineNo { get; set; }
    public string Kind { get; set; } = string.Empty;
    public string? Code { get; set; }
    public string Description { get; set; } = string.Empty;
    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A photo that went to or came from Claims360 or Informex for a job; (JobId, Platform, Direction, Key) unique so each moves once.</summary>
public class PhotoTransfer
{
    public int Id { get; set; }
    public int JobId { get; set; }

    /// <summary>Claims360 or Informex.</summary>
    public LogPlatform Platform { get; set; } = LogPlatform.Claims360;
    public bool Outgoing { get; set; }

    /// <summary>Outgoing: the job photo id; incoming: the platform's photo id.</summary>
    public string Key { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
}
