using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.TimeRegistration;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>
/// The job list with its current filters, search and sort as a file (R1): CSV written to the response as
/// the rows come from the database, or an Excel workbook. Each stops at a stated limit, the same at 1M
/// jobs as at 10k (decision 0015); the job list says so beside the buttons.
/// </summary>
public sealed class JobExport(JobList list, DisplayTime time, IStringLocalizer<SharedResource> texts)
{
    /// <summary>Rows a CSV holds at most: streamed, so memory stays flat; the limit keeps a request bounded.</summary>
    public const int CsvLimit = 200_000;

    /// <summary>Rows a workbook holds at most: ClosedXML builds the whole workbook in memory before it is sent.</summary>
    public const int ExcelLimit = 20_000;

    private const int FlushEvery = 1_000;

    public IReadOnlyList<string> Header() =>
    [
        texts["Job.Number"], texts["Job.Registration"], texts["Job.Make"], texts["Job.Model"], texts["Job.Customer"], texts["Job.Insurer"],
        texts["Job.Repairer"], texts["Job.ClaimNumber"], texts["Job.Status"], texts["Job.VehicleIn"], texts["Job.EstimatedCompletionDate"],
        texts["Job.Opened"], texts["Job.OffSiteDate"], texts["Job.Source"],
    ];

    /// <summary>The matching jobs in the list's order, at most <paramref name="limit"/>, read as a stream.</summary>
    public async IAsyncEnumerable<ExportRow> RowsAsync(JobListQuery query, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var jobs = JobList.Sort(await list.FilterAsync(query, cancellationToken), query).Take(limit);
        var rows = jobs.Select(j => new ExportRow(
            j.Number, j.Registration, j.Make, j.Model,
            j.Owner != null ? j.Owner.Name : null,
            j.Insurer != null ? j.Insurer.Name : null,
            j.Repairer!.Name, j.ClaimNumber, j.Status, j.VehicleIn, j.EstimatedCompletionDate, j.CreatedAt, j.OffSiteDate, j.Source));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>UTF-8 with a BOM, ';' between cells, formula-like cells defused: the timesheet's CSV rules (decision 0014).</summary>
    public async Task WriteCsvAsync(JobListQuery query, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(TimesheetCsv.Line(Header()) + "\r\n");
        var count = 0;
        await foreach (var row in RowsAsync(query, CsvLimit, cancellationToken))
        {
            await writer.WriteAsync(TimesheetCsv.Line(CsvCells(row)) + "\r\n");
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One sheet, a header row with a filter, numbers as numbers and dates as dates (bodyshop time).</summary>
    public async Task WriteExcelAsync(JobListQuery query, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(texts["Menu.JobList"].Value is { Length: > 0 and <= 31 } name ? name : "Jobs");
        var header = Header();
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        sheet.Row(1).Style.Font.Bold = true;
        var r = 1;
        await foreach (var row in RowsAsync(query, ExcelLimit, cancellationToken))
        {
            r++;
            sheet.Cell(r, 1).SetValue(row.Number);
            sheet.Cell(r, 2).SetValue(row.Registration);
            sheet.Cell(r, 3).SetValue(row.Make ?? string.Empty);
            sheet.Cell(r, 4).SetValue(row.Model ?? string.Empty);
            sheet.Cell(r, 5).SetValue(row.Customer ?? string.Empty);
            sheet.Cell(r, 6).SetValue(row.Insurer ?? string.Empty);
            sheet.Cell(r, 7).SetValue(row.Repairer);
            sheet.Cell(r, 8).SetValue(row.ClaimNumber ?? string.Empty);
            sheet.Cell(r, 9).SetValue(texts[$"JobStatus.{row.Status}"].Value);
            sheet.Cell(r, 10).SetValue(row.VehicleIn ? texts["Common.Yes"].Value : texts["Common.No"].Value);
            if (row.EstimatedCompletion is { } completion)
            {
                sheet.Cell(r, 11).SetValue(completion.ToDateTime(TimeOnly.MinValue));
            }

            sheet.Cell(r, 12).SetValue(time.Local(row.CreatedAt).DateTime);
            if (row.OffSite is { } offSite)
            {
                sheet.Cell(r, 13).SetValue(time.Local(offSite).DateTime);
            }

            sheet.Cell(r, 14).SetValue(texts[$"JobSource.{row.Source}"].Value);
        }

        sheet.Column(11).Style.NumberFormat.Format = "yyyy-mm-dd";
        sheet.Column(12).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
        sheet.Column(13).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
        // Fixed widths: measuring text (AdjustToContents) needs System.Drawing fonts, absent on Linux servers.
        sheet.Columns(1, header.Count).Width = 16;
        sheet.Range(1, 1, r, header.Count).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);

        // The Open XML package needs a seekable stream; the response body is not one.
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
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
