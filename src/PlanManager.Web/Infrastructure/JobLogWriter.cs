using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// Adds lines to a job's log (J5) in the caller's unit of work, so a change and its log line
/// are saved together or not at all. The user is the signed-in one, or the system for background work.
/// </summary>
public sealed class JobLogWriter(IHttpContextAccessor httpContext, TimeProvider clock)
{
    public const string System = "system";

    /// <summary>Background work started by a person (a refresh, a bulk change) logs in their name, as it did when it ran in the request.</summary>
    public string? BackgroundUser { get; set; }

    public JobLogEntry Add(Job job, string messageKey, string? detail = null, LogPlatform platform = LogPlatform.None, LogLevelKind level = LogLevelKind.Info)
    {
        ArgumentNullException.ThrowIfNull(job);
        var entry = Create(messageKey, detail, platform, level);
        job.Log.Add(entry);
        return entry;
    }

    /// <summary>For a job that is not loaded: adds the line straight to the context.</summary>
    public JobLogEntry Add(PlanManagerDbContext db, int jobId, string messageKey, string? detail = null, LogPlatform platform = LogPlatform.None, LogLevelKind level = LogLevelKind.Info)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = Create(messageKey, detail, platform, level);
        entry.JobId = jobId;
        db.JobLog.Add(entry);
        return entry;
    }

    private JobLogEntry Create(string messageKey, string? detail, LogPlatform platform, LogLevelKind level) => new()
    {
        At = clock.GetUtcNow(),
        UserName = httpContext.HttpContext?.User.Identity?.Name ?? BackgroundUser ?? System,
        Platform = platform,
        Level = level,
        MessageKey = messageKey,
        Detail = detail is { Length: > 4000 } ? detail[..4000] : detail,
    };
}

/// <summary>The message keys of job log lines; the texts are in the resource files.</summary>
public static class JobLogMessages
{
    public const string Created = "JobLog.Created";
    public const string Updated = "JobLog.Updated";
    public const string StatusChanged = "JobLog.StatusChanged";
    public const string VehicleIn = "JobLog.VehicleIn";
    public const string VehicleOut = "JobLog.VehicleOut";
    public const string OffSite = "JobLog.OffSite";
    public const string OffSiteCleared = "JobLog.OffSiteCleared";
    public const string OwnerCreated = "JobLog.OwnerCreated";
    public const string ConnectorCall = "JobLog.ConnectorCall";
    public const string PhotoAdded = "JobLog.PhotoAdded";
    public const string PhotoDeleted = "JobLog.PhotoDeleted";
    public const string Planned = "JobLog.Planned";
    public const string PlannedHours = "JobLog.PlannedHours";
    public const string PortalAppointment = "JobLog.PortalAppointment";
    public const string AppointmentChanged = "JobLog.AppointmentChanged";
    public const string Claims360Imported = "JobLog.Claims360Imported";
    public const string Claims360Updated = "JobLog.Claims360Updated";
    public const string Claims360Exported = "JobLog.Claims360Exported";
    public const string Claims360Estimate = "JobLog.Claims360Estimate";
    public const string InformexSent = "JobLog.InformexSent";
    public const string InformexLinked = "JobLog.InformexLinked";
    public const string InformexEstimate = "JobLog.InformexEstimate";
    public const string CapsSyncPlanned = "JobLog.CapsSyncPlanned";
    public const string QueueAccepted = "JobLog.QueueAccepted";
    public const string MailSent = "JobLog.MailSent";
    public const string MailResent = "JobLog.MailResent";
    public const string MailRetry = "JobLog.MailRetry";
    public const string MailFailed = "JobLog.MailFailed";
    public const string MailBounced = "JobLog.MailBounced";
    public const string MailNotSent = "JobLog.MailNotSent";
    public const string MailNoAddress = "JobLog.MailNoAddress";
}
