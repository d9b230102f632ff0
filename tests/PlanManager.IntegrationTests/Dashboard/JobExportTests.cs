using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>
/// The job list exported with its filters (R1), a few jobs written in the request (decision 0022): the workbook opened with ClosedXML,
/// the CSV read as Excel would. Larger exports run in the background: <see cref="BackgroundExportTests"/>.
/// </summary>
public sealed class JobExportTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private const string RepairerName = "Export Body Repairs";
    private const int Columns = 14;

    private async Task<int> ArrangeAsync() => await Factory.WithDbAsync(async db =>
    {
        if (await db.Repairers.SingleOrDefaultAsync(r => r.Name == RepairerName) is { } existing)
        {
            return existing.Id;
        }

        var repairer = RepairerBuilder.Belgian(RepairerName).Build();
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        db.Jobs.AddRange(
            new JobBuilder().Number(70_001).Repairer(repairer.Id).Plate("1-EXP-001").Status(JobStatus.InRepair).Completion(new DateOnly(2026, 3, 4)).Build(),
            new JobBuilder().Number(70_002).Repairer(repairer.Id).Plate("1-EXP-002").Status(JobStatus.Closed).Build(),
            new JobBuilder().Number(70_003).Repairer(repairer.Id).Plate("1-EXP-003").Status(JobStatus.New).Make("=HYPERLINK(\"http://evil\")", "A;B").Build());
        await db.SaveChangesAsync();
        return repairer.Id;
    });

    [Fact]
    public async Task The_workbook_holds_the_filtered_jobs_in_the_lists_order_with_numbers_and_dates_as_such()
    {
        var repairer = await ArrangeAsync();
        using var response = await ExportAsync($"/jobs?repairer={repairer}", "#export-xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.Single();
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
        Assert.Equal(Columns, sheet.LastColumnUsed().ColumnNumber());
        Assert.Equal("Job no.", sheet.Cell(1, 1).GetString());
        Assert.Equal([70_003, 70_002, 70_001], Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 1).GetValue<int>()));
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 1).DataType);
        Assert.Equal("In repair", sheet.Cell(4, 9).GetString());
        Assert.Equal(new DateTime(2026, 3, 4), sheet.Cell(4, 11).GetDateTime());
        // A workbook cell is typed text, never a formula, whatever it starts with.
        Assert.Equal("=HYPERLINK(\"http://evil\")", sheet.Cell(2, 3).GetString());
        Assert.False(sheet.Cell(2, 3).HasFormula);
    }

    [Fact]
    public async Task The_workbook_follows_the_lists_filters()
    {
        var repairer = await ArrangeAsync();
        using var response = await ExportAsync($"/jobs?repairer={repairer}&status=InRepair", "#export-xlsx");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());

        var sheet = workbook.Worksheets.Single();
        Assert.Equal(2, sheet.LastRowUsed().RowNumber());
        Assert.Equal("1-EXP-001", sheet.Cell(2, 2).GetString());
    }

    [Fact]
    public async Task The_csv_has_a_bom_semicolons_and_defused_formulas()
    {
        var repairer = await ArrangeAsync();
        using var response = await ExportAsync($"/jobs?repairer={repairer}&sort=number&dir=asc", "#export-csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Equal(Columns, lines[0].Split(';').Length);
        Assert.StartsWith("Job no.;Registration;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("70001;1-EXP-001;BMW;", lines[1], StringComparison.Ordinal);
        Assert.Contains(";2026-03-04;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("70003;1-EXP-003;\"'=HYPERLINK(\"\"http://evil\"\")\";\"A;B\";", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_list_offers_both_exports_with_its_current_filters_and_their_limits()
    {
        var repairer = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/jobs?repairer={repairer}&status=InRepair&page=2");

        var forms = page.QuerySelectorAll("[data-testid=job-export] form").ToArray();
        Assert.Equal(["/jobs/export.xlsx", "/jobs/export.csv"], forms.Select(f => f.GetAttribute("action")));
        Assert.All(forms, f => Assert.Equal("post", f.GetAttribute("method")));
        Assert.All(forms, f => Assert.Equal(["__RequestVerificationToken", "repairer", "status"],
            f.QuerySelectorAll("input[type=hidden]").Select(i => i.GetAttribute("name")).Order(StringComparer.Ordinal)));
        var limit = page.QuerySelector("[data-testid=job-export] button")!.GetAttribute("title");
        Assert.Equal("Up to 1,000 jobs the file comes at once, more in the background with their progress. "
            + "Exports hold at most 100,000 jobs (Excel) or 1,000,000 (CSV).", limit);
    }

    [Fact]
    public async Task An_export_without_the_forms_antiforgery_token_is_refused()
    {
        var repairer = await ArrangeAsync();
        using var content = new FormUrlEncodedContent([new("repairer", repairer.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        using var response = await Browser.Http.PostAsync(new Uri("/jobs/export.xlsx", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    private Task<HttpResponseMessage> ExportAsync(string listUrl, string form) => Browser.SubmitAsync(listUrl, form, new Dictionary<string, string>());
}
