namespace PlanManager.Web.Domain;

public enum QueueItemStatus
{
    Waiting = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>The platform answered that the offer was already decided (elsewhere, or by a colleague).</summary>
    DecidedElsewhere = 3,
}

/// <summary>
/// An offer waiting in the Job Queue (Q1 CAPS offers, Q2 AudatexUK claims). One row per
/// platform and external id (a unique index), so importing the same offer twice, or two
/// imports at once, gives one item.
/// </summary>
public class QueueItem
{
    public int Id { get; set; }
    public ConnectorKind Platform { get; set; }
    public string ExternalId { get; set; } = string.Empty;

    public string ClaimNumber { get; set; } = string.Empty;
    public string? InsurerCapsCode { get; set; }
    public string? InsurerName { get; set; }
    public string Registration { get; set; } = string.Empty;
    public string? Make { get; set; }
    public string? Model { get; set; }
    public string? Vin { get; set; }
    public string? CustomerName { get; set; }
    public string? CustomerPhone { get; set; }
    public string? CustomerEmail { get; set; }
    public DateOnly? LossDate { get; set; }
    public string? DamageDescription { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    public QueueItemStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Reason { get; set; }
    public int? JobId { get; set; }

    public bool IsWaiting => Status == QueueItemStatus.Waiting;

    public void Decide(QueueItemStatus status, string userName, DateTimeOffset now, string? reason, int? jobId)
    {
        Status = status;
        DecidedBy = userName;
        DecidedAt = now;
        Reason = reason;
        JobId = jobId;
    }
}
