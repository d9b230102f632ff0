using Hangfire;
using Microsoft.Extensions.Options;
using PlanManager.Web.Features.Caps;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// The app's recurring jobs and their schedules from configuration. <see cref="Register"/> adds the missing ones and
/// updates changed schedules; it is safe to call at any time (Hangfire writes only what changed).
/// </summary>
public sealed class RecurringJobs(
    IRecurringJobManager recurring,
    IConfiguration configuration,
    IOptions<BackgroundJobOptions> options,
    IOptions<CapsSyncOptions> capsSync,
    IOptions<Features.Progress.ProgressOptions> progress,
    IOptions<Features.Messages.MailOptions> mail,
    IOptions<Exports.ExportOptions> exports)
{
    /// <summary>The ids <see cref="Register"/> keeps on the dashboard.</summary>
    public static readonly IReadOnlyList<string> Ids =
    [
        ConnectorHealthCheck.JobId,
        Features.Claims360.ImportClaims360.JobId,
        Features.Informex.ImportInformex.JobId,
        Features.TimeRegistration.CloseOpenClocks.JobId,
        CapsSyncRelay.SweepJobId,
        Features.Progress.BackgroundWorks.SweepJobId,
        Features.Messages.MailOutboxRelay.SweepJobId,
        Exports.ExportFiles.SweepJobId,
        Features.Dashboard.ReportTotals.JobId,
    ];

    public void Register()
    {
        recurring.AddOrUpdate<ConnectorHealthCheck>(ConnectorHealthCheck.JobId, check => check.RunAllAsync(CancellationToken.None), options.Value.ConnectorHealthCron);
        recurring.AddOrUpdate<Features.Claims360.ImportClaims360>(Features.Claims360.ImportClaims360.JobId, import => import.RunAllAsync(CancellationToken.None),
            Cron("Connectors:Claims360:ImportCron"));
        recurring.AddOrUpdate<Features.Informex.ImportInformex>(Features.Informex.ImportInformex.JobId, import => import.RunAllAsync(CancellationToken.None),
            Cron("Connectors:Informex:ImportCron"));
        recurring.AddOrUpdate<Features.TimeRegistration.CloseOpenClocks>(Features.TimeRegistration.CloseOpenClocks.JobId, close => close.RunAsync(CancellationToken.None),
            Features.TimeRegistration.CloseOpenClocks.Cron);

        // CAPS pushes owed and not yet relayed (in-memory Hangfire forgets its schedule at a restart).
        recurring.AddOrUpdate<CapsSyncRelay>(CapsSyncRelay.SweepJobId, relay => relay.RunDueAsync(CancellationToken.None), capsSync.Value.SyncRelayCron);

        // Background work whose worker died is ended (or resumed by Hangfire) rather than left "running" (decision 0016).
        recurring.AddOrUpdate<Features.Progress.BackgroundWorks>(Features.Progress.BackgroundWorks.SweepJobId, works => works.SweepAsync(CancellationToken.None),
            progress.Value.SweepCron);

        // Customer messages (M1): retries, senders that died, and messages written before a mail server was configured.
        recurring.AddOrUpdate<Features.Messages.MailOutboxRelay>(Features.Messages.MailOutboxRelay.SweepJobId, relay => relay.RunDueAsync(CancellationToken.None),
            mail.Value.RelayCron);

        // Exported files are kept a day for their download, then deleted (decision 0022).
        recurring.AddOrUpdate<Exports.ExportFiles>(Exports.ExportFiles.SweepJobId, files => files.SweepAsync(CancellationToken.None), exports.Value.SweepCron);

        // The Reports page's monthly totals: the months marked by job changes are recomputed (decision 0021).
        recurring.AddOrUpdate<Features.Dashboard.ReportTotals>(Features.Dashboard.ReportTotals.JobId, totals => totals.RunAsync(CancellationToken.None),
            Features.Dashboard.ReportTotals.Cron);
    }

    private string Cron(string key) => configuration[key] is { } cron && !string.IsNullOrWhiteSpace(cron) ? cron : "*/15 * * * *";
}
