namespace PlanManager.Web.Domain;

public enum WorkState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// The progress of one piece of long work run in the background (an import, a bulk change, an export):
/// what a page polls to draw its progress bar, and the outcome it ends with (docs/decisions/0016).
/// A row whose lease has passed while it was queued or running belongs to a worker that died.
/// </summary>
public class WorkProgress
{
    public int Id { get; set; }

    /// <summary>What work this is (the key its <c>IBackgroundWork</c> is registered under).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The work's arguments as JSON, for the job that runs it (and runs it again after a restart).</summary>
    public string Arguments { get; set; } = "{}";

    /// <summary>Set while queued or running: a second start with the same key joins this row (unique, null once ended).</summary>
    public string? ActiveKey { get; set; }

    public WorkState State { get; set; }
    public int Done { get; set; }

    /// <summary>Null while the total is not known yet.</summary>
    public int? Total { get; set; }

    /// <summary>Resource key of the step under way ("Progress.Step.Reading").</summary>
    public string? StepKey { get; set; }

    /// <summary>Resource key and JSON array of arguments of the outcome message, shown in the reader's language.</summary>
    public string? OutcomeKey { get; set; }
    public string? OutcomeArguments { get; set; }

    /// <summary>Where the result can be opened or downloaded (an export), if anywhere.</summary>
    public string? ResultUrl { get; set; }

    /// <summary>The user who started it (job log lines written by the work name them, as when the work ran in the request).</summary>
    public string StartedBy { get; set; } = string.Empty;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Until when the queued or running work is known to be alive; a worker moves it on while it works.</summary>
    public DateTimeOffset LeaseUntil { get; set; }

    /// <summary>How many times a worker took it up (more than one: it was resumed after a restart).</summary>
    public int Attempts { get; set; }

    public string? BackgroundJobId { get; set; }

    public bool Ended => State is WorkState.Succeeded or WorkState.Failed;
}

public static class WorkProgressLimits
{
    public const int Kind = 64;
    public const int ActiveKey = 128;
    public const int Key = 100;
    public const int OutcomeArguments = 4000;
    public const int Url = 500;
    public const int User = 256;
    public const int JobId = 100;
}
