using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>Answers "is this connector on?" for pages and use cases (T2, menus, sending rules).</summary>
public sealed class ConnectorSettings(PlanManagerDbContext db)
{
    public Task<bool> IsEnabledAsync(ConnectorKind kind, CancellationToken cancellationToken) =>
        db.ConnectorSettings.AsNoTracking().AnyAsync(s => s.Kind == kind && s.Enabled, cancellationToken);
}

/// <summary>Writes the audit trail of administration changes (who, when, what), in the caller's SaveChanges.</summary>
public sealed class AuditWriter(PlanManagerDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Add(string area, string action, string? detail) => db.Audit.Add(new AuditEntry
    {
        At = clock.GetUtcNow(),
        UserName = http.HttpContext?.User.Identity?.Name ?? JobLogWriter.System,
        Area = area,
        Action = action,
        Detail = detail,
    });
}
