namespace PlanManager.Web.Domain.Workshop;

/// <summary>
/// A workshop tablet opened by staff for one repairer (W2). The tablet carries only a data-protected
/// cookie with this id; staff close it here, and repeated wrong codes lock it for a while.
/// </summary>
public class Kiosk
{
    public Guid Id { get; set; }
    public int RepairerId { get; set; }
    public Repairer? Repairer { get; set; }
    public string Name { get; set; } = string.Empty;
    public string OpenedBy { get; set; } = string.Empty;
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    /// <summary>Wrong codes in a row; reset by a right one or by the lock.</summary>
    public int FailedCodes { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public bool IsOpen => ClosedAt is null;

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public static class KioskLimits
{
    public const int Name = 60;

    /// <summary>Wrong codes in a row before the tablet locks.</summary>
    public const int FailuresBeforeLock = 5;
    public static readonly TimeSpan Lock = TimeSpan.FromMinutes(5);
}
