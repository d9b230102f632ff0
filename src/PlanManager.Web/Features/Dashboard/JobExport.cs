using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Progress;
using PlanManager.Web.Features.TimeRegistration;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Exports;

namespace PlanManager.Web.Features.Dashboard;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// The job list with its current filters, search and sort as a file (R1): CSV or an Excel workbook, both written as the rows
/// come from the database (<see cref="SheetWriter"/> for Excel), so memory stays flat. Each stops at a stated limit, the same
/// at 1M jobs as at 10k (<see cref="ExportOptions"/>, decision 0022); the job list says so beside the buttons.
/// </summary>
public sealed class JobExport(JobList list, DisplayTime time, IStringLocalizer<SharedResource> texts, IOptions<ExportOptions> options)
{
    /// <summary>How often the work reports its progress (and the CSV is flushed).</summary>
    public const int ReportEvery = 1_000;

    public const string StepKey = "Export.Step";

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    /// <summary>The file name a download gets: the bodyshop's day it was made.</summary>
    public string FileName(ExportFormat format, DateTimeOffset made) =>
        string.Create(CultureInfo.InvariantCulture, $"jobs-{time.DayOf(made):yyyy-MM-dd}.{Extension(format)}");

    public int Limit(ExportFormat format) => format == ExportFormat.Xlsx ? options.Value.ExcelLimit : options.Value.CsvLimit;

    public IReadOnlyList<string> Header() =>
    [
        texts["Job.Number"], texts["Job.Registration"], texts["Job.Make"], texts["Job.Model"], texts["Job.Customer"], texts["Job.Insurer"],
        texts["Job.Repairer"], texts["Job.ClaimNumber"], texts["Job.Status"], texts["Job.VehicleIn"], texts["Job.EstimatedCompletionDate"],
        texts["Job.Opened"], texts["Job.OffSiteDate"], texts["Job.Source"],
    ];

    /// <summary>How many jobs match, counted no further than <paramref name="atMost"/> (a capped count stays cheap at 1M jobs).</summary>
    public async Task<int> CountAsync(JobListQuery query, int atMost, CancellationToken cancellationToken) =>
        await JobList.Counted(await list.FilterAsync(query, cancellationToken)).Take(atMost).CountAsync(cancellationToken);

    /// <summary>The matching jobs in the list's order, at most <paramref name="limit"/>, read as a stream.</summary>
    public async IAsyncEnumerable<ExportRow> RowsAsync(JobListQuery query, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var jobs = JobList.Sort(await list.FilterAsync(query, cancellationToken), query).Take(limit);
        var rows = jobs.AsNoTracking().Select(j => new ExportRow(
            j.Number, j.Registration, j.Make, j.Model,
            j.Owner != null ? j.Owner.Name : null,
            j.Insurer != null ? j.Insurer.Name : null,
            j.Repairer!.Name, j.ClaimNumber, j.Status, j.VehicleIn, j.EstimatedCompletionDate, j.CreatedAt, j.OffSiteDate, j.Source));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Writes the file; the number of jobs it holds. Reports every <see cref="ReportEvery"/> rows against <paramref name="total"/>.</summary>
    public Task<int> WriteAsync(
        JobListQuery query, ExportFormat format, Stream output, int limit, IWorkProgress progress, int? total, CancellationToken cancellationToken) =>
        format == ExportFormat.Xlsx
            ? WriteExcelAsync(query, output, limit, progress, total, cancellationToken)
            : WriteCsvAsync(query, output, limit, progress, total, cancellationToken);

    /// <summary>UTF-8 with a BOM, ';' between cells, formula-like cells defused: the timesheet's CSV rules (decision 0014).</summary>
    public async Task<int> WriteCsvAsync(JobListQuery query, Stream output, int limit, IWorkProgress progress, int? total, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(TimesheetCsv.Line(Header()) + "\r\n");
        var count = 0;
        await foreach (var row in RowsAsync(query, limit, cancellationToken))
        {
            await writer.WriteAsync(TimesheetCsv.Line(CsvCells(row)) + "\r\n");
            if (++count % ReportEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
                await progress.ReportAsync(count, total, StepKey, cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>One sheet, a frozen header row with a filter, numbers as numbers and dates as dates (bodyshop time).</summary>
    public async Task<int> WriteExcelAsync(JobListQuery query, Stream output, int limit, IWorkProgress progress, int? total, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        using var sheet = new SheetWriter(output, texts["Menu.JobList"].Value, Header());
        var count = 0;
        await foreach (var row in RowsAsync(query, limit, cancellationToken))
        {
            sheet.StartRow();
            sheet.Number(row.Number);
            sheet.Text(row.Registration);
            sheet.Text(row.Make);
            sheet.Text(row.Model);
            sheet.Text(row.Customer);
            sheet.Text(row.Insurer);
            sheet.Text(row.Repairer);
            sheet.Text(row.ClaimNumber);
            sheet.Text(texts[$"JobStatus.{row.Status}"].Value);
            sheet.Text(row.VehicleIn ? texts["Common.Yes"].Value : texts["Common.No"].Value);
            sheet.Date(row.EstimatedCompletion);
            sheet.DateTime(time.Local(row.CreatedAt).DateTime);
            sheet.DateTime(row.OffSite is { } offSite ? time.Local(offSite).DateTime : null);
            sheet.Text(texts[$"JobSource.{row.Source}"].Value);
            sheet.EndRow();
            if (++count % ReportEvery == 0)
            {
                await progress.ReportAsync(count, total, StepKey, cancellationToken);
            }
        }

        sheet.Complete();
        return count;
    }

    private IEnumerable<string?> CsvCells(ExportRow row) =>
    [
        row.Number.ToString(CultureInfo.InvariantCulture), row.Registration, row.Make, row.Model, row.Customer, row.Insurer, row.Repairer,
        row.ClaimNumber, texts[$"JobStatus.{row.Status}"], row.VehicleIn ? texts["Common.Yes"] : texts["Common.No"],
        row.EstimatedCompletion?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        time.Local(row.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        row.OffSite is { } offSite ? time.Local(offSite).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null,
        texts[$"JobSource.{row.Source}"],
    ];
}

public sealed record ExportRow(
    int Number,
    string Registration,
    string? Make,
    string? Model,
    string? Customer,
    string? Insurer,
    string Repairer,
    string? ClaimNumber,
    JobStatus Status,
    bool VehicleIn,
    DateOnly? EstimatedCompletion,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OffSite,
    JobSource Source);
