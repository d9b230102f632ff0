namespace PlanManager.Web.Domain;

/// <summary>The life of a repair, in the order a job normally goes through it.</summary>
public enum JobStatus
{
    New = 0,
    Estimate = 1,
    AwaitingApproval = 2,
    Approved = 3,
    InRepair = 4,
    Ready = 5,
    Delivered = 6,
    Invoiced = 7,
    Closed = 8,
    Cancelled = 9,
}

public enum DamageFlow
{
    Standard = 0,
    Insurance = 1,
    Fleet = 2,
    Private = 3,
    Warranty = 4,
}

/// <summary>Where a job came from.</summary>
public enum JobSource
{
    Staff = 0,
    Portal = 1,
    Caps = 2,
    AudatexUk = 3,
    Claims360 = 4,
    Informex = 5,
}

public enum ThirdPartyKind
{
    Owner = 0,
    Insurer = 1,
    Agent = 2,
}

/// <summary>The platform a job log line concerns; None for changes made in PlanManager itself.</summary>
public enum LogPlatform
{
    None = 0,
    Caps = 1,
    AudatexUk = 2,
    Claims360 = 3,
    Informex = 4,
    Portal = 5,
    Mail = 6,
}

public enum LogLevelKind
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

public static class JobStatusRules
{
    /// <summary>A job in one of these states is finished: its car should no longer be marked inside.</summary>
    public static readonly IReadOnlyList<JobStatus> Finished = [JobStatus.Delivered, JobStatus.Invoiced, JobStatus.Closed, JobStatus.Cancelled];

    public static bool IsFinished(this JobStatus status) => Finished.Contains(status);
}
