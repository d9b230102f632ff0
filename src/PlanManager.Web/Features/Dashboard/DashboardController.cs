using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>The staff home page, the Reports page and the job list's exports (R1).</summary>
public sealed class DashboardController(DisplayTime time) : Controller
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

    [HttpGet("/jobs/export.csv")]
    public IActionResult ExportCsv([FromQuery] JobListQuery query, [FromServices] JobExport export) =>
        new StreamedFileResult("text/csv; charset=utf-8", FileName("csv"), (stream, ct) => export.WriteCsvAsync(query, stream, ct));

    [HttpGet("/jobs/export.xlsx")]
    public IActionResult ExportExcel([FromQuery] JobListQuery query, [FromServices] JobExport export) =>
        new StreamedFileResult("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"),
            (stream, ct) => export.WriteExcelAsync(query, stream, ct));

    private string FileName(string extension) => string.Create(CultureInfo.InvariantCulture, $"jobs-{time.Today():yyyy-MM-dd}.{extension}");
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
        response.Headers.CacheControl = "no-store";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
