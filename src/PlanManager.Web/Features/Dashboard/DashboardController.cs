using Microsoft.AspNetCore.Mvc;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Progress;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>The staff home page, the Reports page and the job list's exports (R1).</summary>
public sealed class DashboardController(TimeProvider clock) : Controller
{
    /// <summary>Where the day starts: staff land here after signing in.</summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index(int? repairer, [FromServices] DashboardFigures figures, CancellationToken cancellationToken)
    {
        ViewData["Section"] = "Dashboard";
        return View(await figures.BuildAsync(repairer, cancellationToken));
    }

    [HttpGet("/reports")]
    public async Task<IActionResult> Reports([FromQuery] ReportQuery query, [FromServices] ReportFigures figures, CancellationToken cancellationToken)
    {
        ViewData["Section"] = "Jobs";
        return View(await figures.BuildAsync(query, cancellationToken));
    }

    [HttpPost("/jobs/export.csv")]
    public Task<IActionResult> ExportCsv([FromForm] JobListQuery query, [FromForm] string? from, [FromServices] ExportJobs exports, [FromServices] JobExport export,
        CancellationToken cancellationToken) => ExportAsync(query, ExportFormat.Csv, from, exports, export, cancellationToken);

    [HttpPost("/jobs/export.xlsx")]
    public Task<IActionResult> ExportExcel([FromForm] JobListQuery query, [FromForm] string? from, [FromServices] ExportJobs exports, [FromServices] JobExport export,
        CancellationToken cancellationToken) => ExportAsync(query, ExportFormat.Xlsx, from, exports, export, cancellationToken);

    /// <summary>A background export's file, for who started it while it is kept; anyone else and a swept file get "no longer kept" (404).</summary>
    [HttpGet("/jobs/exports/{name}")]
    public async Task<IActionResult> Download(string name, [FromServices] ExportDownload download, CancellationToken cancellationToken)
    {
        if (await download.HandleAsync(name, User.Identity?.Name, cancellationToken) is not { } file)
        {
            ViewData["Section"] = "Jobs";
            Response.StatusCode = StatusCodes.Status404NotFound;
            Response.Headers.CacheControl = "private, no-store";
            return View("ExportGone");
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> ExportAsync(
        JobListQuery query, ExportFormat format, string? from, ExportJobs exports, JobExport export, CancellationToken cancellationToken)
    {
        switch (await exports.HandleAsync(query, format, cancellationToken))
        {
            case ExportStart.Started started when from == "reports":
                return RedirectToAction(nameof(Reports), new { repairer = query.Repairer, progress = started.ProgressId });
            case ExportStart.Started started:
                return RedirectToAction(nameof(JobsController.Index), "Jobs", new
                {
                    q = query.Q, status = query.Status, repairer = query.Repairer, vehicleIn = query.VehicleIn, source = query.Source,
                    sort = query.Sort, dir = query.Dir, progress = started.ProgressId,
                });
            default:
                // A few jobs: written in the request, as the rows come (decision 0022).
                return new StreamedFileResult(JobExport.ContentType(format), export.FileName(format, clock.GetUtcNow()), async (stream, ct) =>
                {
                    if (format == ExportFormat.Csv)
                    {
                        await export.WriteCsvAsync(query, stream, export.Limit(format), NoProgress.Instance, null, ct);
                        return;
                    }

                    // The zip is written with synchronous calls, which the response body refuses: a few rows are buffered first.
                    using var buffer = new MemoryStream();
                    await export.WriteExcelAsync(query, buffer, export.Limit(format), NoProgress.Instance, null, ct);
                    buffer.Position = 0;
                    await buffer.CopyToAsync(stream, ct);
                });
        }
    }
}

/// <summary>A download written straight to the response as it is produced, not buffered first.</summary>
public sealed class StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : FileResult(contentType)
{
    public override async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
        response.Headers.CacheControl = "private, no-store";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
