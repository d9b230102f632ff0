using PlanManager.Connectors.Common;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.JobQueue;

/// <summary>The platforms with a Job Queue page (Q1, Q2) and the address segment of each.</summary>
public static class QueuePlatforms
{
    public static readonly IReadOnlyList<ConnectorKind> All = [ConnectorKind.Caps, ConnectorKind.AudatexUk];

    public static ConnectorKind? FromSegment(string? segment) => segment switch
    {
        "caps" => ConnectorKind.Caps,
        "audatex-uk" => ConnectorKind.AudatexUk,
        _ => null,
    };

    public static string Segment(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Caps => "caps",
        ConnectorKind.AudatexUk => "audatex-uk",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

}
