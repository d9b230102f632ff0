using System.Globalization;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Progress;
using PlanManager.Web.Infrastructure.Exports;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>
/// An export of more than <see cref="ExportOptions.DirectLimit"/> jobs, written in the background to the export store with its
/// progress (decision 0022); it ends with the number of jobs, said capped when the limit cut it, and the file's download link.
/// Safe to run twice: a second run writes a new file under a new name.
/// </summary>
public sealed class ExportJobsWork(JobExport export, ExportFiles files) : BackgroundWork<ExportJobsWork.Arguments>
{
    public const string DownloadPath = "/jobs/exports/";

    /// <param name="Query">The job list's filters, search and sort.</param>
    /// <param name="Culture">The language of who asked: the header and the statuses in the file are written in it.</param>
    public sealed record Arguments(JobListQuery Query, ExportFormat Format, string Culture);

    protected override async Task<WorkOutcome> RunAsync(Arguments arguments, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        var culture = CultureInfo.GetCultureInfo(arguments.Culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;

        var limit = export.Limit(arguments.Format);
        var matching = await export.CountAsync(arguments.Query, limit + 1, cancellationToken);
        var total = Math.Min(matching, limit);
        await progress.ReportAsync(0, total, JobExport.StepKey, cancellationToken);
        var (name, rows) = await files.WriteAsync(
            JobExport.Extension(arguments.Format),
            file => export.WriteAsync(arguments.Query, arguments.Format, file, limit, progress, total, cancellationToken),
            cancellationToken);
        await progress.ReportAsync(rows, total, JobExport.StepKey, cancellationToken);
        var url = DownloadPath + name;
        return matching > limit
            ? new WorkOutcome(true, "Export.DoneCapped", [rows, limit], url)
            : new WorkOutcome(true, "Export.Done", [rows], url);
    }
}
