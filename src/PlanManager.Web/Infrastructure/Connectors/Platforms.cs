using PlanManager.Connectors.Common;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// The one mapping between the enums that name a platform: the connector clients'
/// <see cref="ConnectorPlatform"/>, the settings' <see cref="ConnectorKind"/>, the job log's
/// <see cref="LogPlatform"/> and a job's <see cref="JobSource"/>. Written out member by member (their
/// numbers differ), and unit tested over every member, instead of casts through int.
/// </summary>
public static class Platforms
{
    public static ConnectorKind Kind(ConnectorPlatform platform) => platform switch
    {
        ConnectorPlatform.Caps => ConnectorKind.Caps,
        ConnectorPlatform.AudatexUk => ConnectorKind.AudatexUk,
        ConnectorPlatform.Claims360 => ConnectorKind.Claims360,
        ConnectorPlatform.Informex => ConnectorKind.Informex,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    /// <summary>The client of a connector; the portal has none.</summary>
    public static ConnectorPlatform Connector(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Caps => ConnectorPlatform.Caps,
        ConnectorKind.AudatexUk => ConnectorPlatform.AudatexUk,
        ConnectorKind.Claims360 => ConnectorPlatform.Claims360,
        ConnectorKind.Informex => ConnectorPlatform.Informex,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The platform a log line or a platform's record (estimate, photo transfer) belongs to, as a connector client.</summary>
    public static ConnectorPlatform Connector(LogPlatform platform) => platform switch
    {
        Domain.LogPlatform.Caps => ConnectorPlatform.Caps,
        Domain.LogPlatform.AudatexUk => ConnectorPlatform.AudatexUk,
        Domain.LogPlatform.Claims360 => ConnectorPlatform.Claims360,
        Domain.LogPlatform.Informex => ConnectorPlatform.Informex,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public static LogPlatform LogPlatform(ConnectorPlatform platform) => LogPlatform(Kind(platform));

    public static LogPlatform LogPlatform(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Caps => Domain.LogPlatform.Caps,
        ConnectorKind.AudatexUk => Domain.LogPlatform.AudatexUk,
        ConnectorKind.Claims360 => Domain.LogPlatform.Claims360,
        ConnectorKind.Informex => Domain.LogPlatform.Informex,
        ConnectorKind.Portal => Domain.LogPlatform.Portal,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The log line that says a job was created names where it came from; staff's own jobs name none.</summary>
    public static LogPlatform LogPlatform(JobSource source) => source switch
    {
        JobSource.Staff => Domain.LogPlatform.None,
        JobSource.Portal => Domain.LogPlatform.Portal,
        JobSource.Caps => Domain.LogPlatform.Caps,
        JobSource.AudatexUk => Domain.LogPlatform.AudatexUk,
        JobSource.Claims360 => Domain.LogPlatform.Claims360,
        JobSource.Informex => Domain.LogPlatform.Informex,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The source of a job a connector created.</summary>
    public static JobSource Source(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Caps => JobSource.Caps,
        ConnectorKind.AudatexUk => JobSource.AudatexUk,
        ConnectorKind.Claims360 => JobSource.Claims360,
        ConnectorKind.Informex => JobSource.Informex,
        ConnectorKind.Portal => JobSource.Portal,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
