namespace PlanManager.Web.Domain.Workshop;

/// <summary>Why a clock line ended.</summary>
public enum ClockEnd
{
    Stopped = 0,
    Paused = 1,

    /// <summary>The technician started other work; one clock is open at a time.</summary>
    Switched = 2,

    /// <summary>Left open: closed at the repairer's closing hour by the recurring job, to be reviewed.</summary>
    ClosedAtClosing = 3,

    /// <summary>The technician was deactivated.</summary>
    Deactivated = 4,
}

/// <summary>
/// One stretch of work of a technician on a job and a task (W2), from start to end. A pause ends the
/// line; resuming starts a new one, so a job's hours are the sum of its lines. At most one line per
/// technician is open (no end): a filtered unique index holds it even for two tablets at once.
/// </summary>
public class ClockLine
{
    public long Id { get; set; }
    public int TechnicianId { get; set; }
    public Technician? Technician { get; set; }
    public int JobId { get; set; }
    public Job? Job { get; set; }
    public WorkTask Task { get; set; }

    /// <summary>The department the hours count for (from the task, set at the start).</summary>
    public Department Department { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public ClockEnd? EndReason { get; set; }

    /// <summary>Closed by the system at closing time (or corrected) and not yet looked at by staff.</summary>
    public bool NeedsReview { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public List<ClockCorrection> Corrections { get; } = [];

    public bool IsOpen => EndedAt is null;

    public TimeSpan Duration(DateTimeOffset now) => (EndedAt ?? now) - StartedAt is { } d && d > TimeSpan.Zero ? d : TimeSpan.Zero;

    public void End(DateTimeOffset at, ClockEnd reason)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("The clock line is already closed.");
        }

        EndedAt = at < StartedAt ? StartedAt : at;
        EndReason = reason;
    }

    public void CloseForReview(DateTimeOffset at)
    {
        End(at, ClockEnd.ClosedAtClosing);
        NeedsReview = true;
    }

    public void MarkReviewed(string userName, DateTimeOffset at)
    {
        NeedsReview = false;
        ReviewedBy = userName;
        ReviewedAt = at;
    }

    /// <summary>Staff change the times or task with a reason; the before and after are kept on the line.</summary>
    public ClockCorrection Correct(DateTimeOffset start, DateTimeOffset end, WorkTask task, Department department, string reason, string userName, DateTimeOffset at)
    {
        var correction = new ClockCorrection
        {
            At = at,
            UserName = userName,
            Reason = reason,
            StartBefore = StartedAt,
            EndBefore = EndedAt,
            TaskBefore = Task,
            StartAfter = start,
            EndAfter = end,
            TaskAfter = task,
        };
        StartedAt = start;
        if (IsOpen)
        {
            EndReason = ClockEnd.Stopped;
        }

        EndedAt = end;
        Task = task;
        Department = department;
        Corrections.Add(correction);
        MarkReviewed(userName, at);
        return correction;
    }
}

/// <summary>A staff correction of a clock line: who, when, why, and the line before and after.</summary>
public class ClockCorrection
{
    public long Id { get; set; }
    public long ClockLineId { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public DateTimeOffset StartBefore { get; set; }
    public DateTimeOffset? EndBefore { get; set; }
    public WorkTask TaskBefore { get; set; }
    public DateTimeOffset StartAfter { get; set; }
    public DateTimeOffset EndAfter { get; set; }
    public WorkTask TaskAfter { get; set; }
}

public static class ClockLimits
{
    public const int Reason = 500;
    public const int UserName = 256;
}

/// <summary>The rules over a technician's lines.</summary>
public static class ClockRules
{
    /// <summary>True when [start, end) overlaps a line of <paramref name="others"/> (an open one runs until <paramref name="now"/>).</summary>
    public static bool Overlaps(DateTimeOffset start, DateTimeOffset end, IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> others, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(others);
        return others.Any(o => start < (o.End ?? now) && o.Start < end);
    }

    /// <summary>The hours of lines, open ones counted until <paramref name="now"/>.</summary>
    public static decimal Hours(IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> lines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var total = lines.Aggregate(TimeSpan.Zero, (sum, l) => sum + ((l.End ?? now) > l.Start ? (l.End ?? now) - l.Start : TimeSpan.Zero));
        return Math.Round((decimal)total.TotalHours, 2);
    }
}
