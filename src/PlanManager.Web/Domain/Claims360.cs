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
