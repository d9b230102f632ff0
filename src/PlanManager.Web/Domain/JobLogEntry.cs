namespace PlanManager.Web.Domain;

/// <summary>One line of a job's log (J5): a state change or a connector call, newest first on screen.</summary>
public class JobLogEntry
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserName { get; set; }
    public LogPlatform Platform { get; set; }
    public LogLevelKind Level { get; set; }

    /// <summary>A resource key (see JobLogTexts) so the line reads in the viewer's language.</summary>
    public string MessageKey { get; set; } = string.Empty;

    /// <summary>Values for the message, already free of secrets.</summary>
    public string? Detail { get; set; }
}
