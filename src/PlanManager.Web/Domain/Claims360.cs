namespace PlanManager.Web.Domain;

/// <summary>What became of an imported Claims360 assignment (Q3).</summary>
public enum Claims360ItemStatus
{
    /// <summary>Waiting in the queue to be accepted or refused (informex_queueing on).</summary>
    Waiting = 1,
    /// <summary>Became a job.</summary>
    Job = 2,
    Refused = 3,
}

/// <summary>
/// One Claims360 assignment as imported for a repairer (C3, Q3). (RepairerId, AssignmentNumber)
/// is unique, so importing the same assignment again (or twice at once) updates this row.
/// </summary>
public class Claims360Item
{
    public int Id { get; set; }
    public int RepairerId { get; set; }
    public Repairer? Repairer { get; set; }
    public string AssignmentNumber { get; set; } = string.Empty;
    public bool Complete { get; set; }
    public string? Work { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    public string LicensePlate { get; set; } = string.Empty;
    public string? Vin { get; set; }
    public int? Mileage { get; set; }
    public string? CustomerName { get; set; }
    public string? InsurerName { get; set; }
    public string? ClaimNumber { get; set; }
    public bool SmartExpertise { get; set; }
    public string? DossierId { get; set; }
    public DateTimeOffset PlatformUpdatedAt { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public Claims360ItemStatus Status { get; set; } = Claims360ItemStatus.Waiting;
    public int? JobId { get; set; }
    public Job? Job { get; set; }
}

/// <summary>The Claims360 dossier a job is linked to (C4): by export or by an imported assignment.</summary>
public class Claims360JobLink
{
    public int JobId { get; set; }
    public Job? Job { get; set; }
    public string CarrosserieId { get; set; } = string.Empty;
    public string DossierId { get; set; } = string.Empty;
    public DateTimeOffset LinkedAt { get; set; }
    public DateTimeOffset? LastSentAt { get; set; }
}

/// <summary>
/// One version of a job's estimate from Claims360 or Informex (same shape on both platforms);
/// every version is kept, (JobId, Platform, Version) unique.
/// </summary>
public class Claims360EstimateVersion
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
    public List<Claims360EstimateLine> Lines { get; } = [];
}

public class Claims360EstimateLine
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
public class Claims360PhotoTransfer
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
