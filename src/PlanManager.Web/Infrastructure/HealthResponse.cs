using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// The readiness report: the overall status for anyone (a load balancer needs no more), and one
/// entry per check (status, description) only for Support or a caller on the node itself (the
/// container's health probe, an operator's curl on the host), since descriptions name components.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        object body = MaySeeDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    /// <summary>Support, or a loopback caller that no proxy forwarded (behind the proxy the forwarded address is the client's).</summary>
    public static bool MaySeeDetails(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.IsInRole(Domain.Roles.Support))
        {
            return true;
        }

        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && System.Net.IPAddress.IsLoopback(remote) && !context.Request.Headers.ContainsKey("X-Forwarded-For");
    }
}
