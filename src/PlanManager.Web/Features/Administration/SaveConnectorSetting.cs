using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Administration;

/// <summary>
/// Support switches a connector on or off and enters its credentials (C6). The secret is
/// encrypted before it reaches the database; the audit line says what changed, never the value.
/// </summary>
public sealed class SaveConnectorSetting(
    PlanManagerDbContext db,
    IValidator<ConnectorForm> validator,
    SecretProtector secrets,
    AuditWriter audit,
    TimeProvider clock,
    IHttpContextAccessor http,
    IStringLocalizer<SharedResource> texts)
{
    public async Task<CommandResult> HandleAsync(ConnectorForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var setting = await db.ConnectorSettings.SingleOrDefaultAsync(s => s.Kind == form.Kind, cancellationToken);
        if (setting is null)
        {
            return CommandResult.NotFound;
        }

        var usesSecret = ConnectorSetting.UsesSecret(form.Kind);
        var newSecret = usesSecret ? Domain.Text.Clean(form.NewSecret) : null;
        var willHaveSecret = newSecret is not null || (setting.HasSecret && !form.RemoveSecret);
        if (usesSecret && form.Enabled && !willHaveSecret)
        {
            return CommandResult.Invalid(nameof(ConnectorForm.NewSecret), texts["Connector.Validation.SecretRequired"]);
        }

        var changes = new List<string>();
        if (setting.Enabled != form.Enabled)
        {
            changes.Add(form.Enabled ? "switched on" : "switched off");
            setting.Enabled = form.Enabled;
        }

        if (form.Kind == ConnectorKind.Caps && setting.SiteCode != Domain.Text.Clean(form.SiteCode))
        {
            changes.Add($"site code {setting.SiteCode ?? "-"} → {Domain.Text.Clean(form.SiteCode) ?? "-"}");
            setting.SiteCode = Domain.Text.Clean(form.SiteCode);
        }

        if (form.Kind == ConnectorKind.Claims360 && setting.Claims360Queueing != form.Claims360Queueing)
        {
            changes.Add($"informex_queueing {(form.Claims360Queueing ? "on" : "off")}");
            setting.Claims360Queueing = form.Claims360Queueing;
        }

        if (newSecret is not null)
        {
            changes.Add(setting.HasSecret ? "secret replaced" : "secret entered");
            setting.ProtectedSecret = secrets.Protect(newSecret);
        }
        else if (usesSecret && form.RemoveSecret && setting.HasSecret)
        {
            changes.Add("secret removed");
            setting.ProtectedSecret = null;
        }

        if (changes.Count > 0)
        {
            setting.ConfiguredAt = clock.GetUtcNow();
            setting.UpdatedBy = http.HttpContext?.User.Identity?.Name;
            // A changed configuration has not been checked yet.
            setting.LastCheckAt = null;
            setting.LastCheckOk = null;
            setting.LastCheckDetail = null;
            audit.Add("Connectors", $"{form.Kind} updated", string.Join("; ", changes));
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Saved((int)form.Kind);
    }
}
