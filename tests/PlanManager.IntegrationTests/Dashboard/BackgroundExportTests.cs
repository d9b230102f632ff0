using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Exports;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>The app with the Hangfire server and small export limits: a few jobs are "many" (decision 0022).</summary>
public sealed class ExportWorkerFactory : PlanManagerFactory
{
    public const int DirectLimit = 5;
    public const int ExcelLimit = 8;
    private const string Never = "0 0 31 2 *";

    protected override bool RunBackgroundServer => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Exports:DirectLimit", DirectLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Exports:ExcelLimit", ExcelLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Exports:SweepCron", Never);
        builder.UseSetting("Connectors:Claims360:ImportCron", Never);
        builder.UseSetting("Connectors:Informex:ImportCron", Never);
        builder.UseSetting("BackgroundJobs:ConnectorHealthCron", Never);
        builder.UseSetting("Progress:SweepCron", Never);
    }
}

/// <summary>
/// Exports of more jobs than <see cref="ExportOptions.DirectLimit"/> run in the background with their progress (issue 23, decision 0022):
/// the press comes back at once, the bar ends with the count and a download link, the file is for who started it and kept a while.
/// </summary>
public sealed class BackgroundExportTests(ExportWorkerFactory factory) : IClassFixture<ExportWorkerFactory>, IAsyncLifetime
{
    private const int Columns = 14;
    private readonly HtmlClient _browser = new(factory.CreateBrowserLikeClient());

    public Task InitializeAsync() => _browser.SignInAsync(DemoDataSeeder.StaffEmail);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A repairer of its own with <paramref name="count"/> jobs, numbered from <paramref name="first"/>.</summary>
    private Task<int> ArrangeAsync(string name, int first, int count) => factory.WithDbAsync(async db =>
    {
        var repairer = RepairerBuilder.Belgian(name).Build();
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        db.Jobs.AddRange(Enumerable.Range(first, count).Select(n => new JobBuilder().Number(n).Repairer(repairer.Id).Plate($"1-BGX-{n % 1000:000}")
            .Status(n % 2 == 0 ? JobStatus.InRepair : JobStatus.New).Build()));
        await db.SaveChangesAsync();
        return repairer.Id;
    });

    private Task<HttpResponseMessage> ExportAsync(string listUrl, string form) => _browser.SubmitAsync(listUrl, form, new Dictionary<string, string>());

    private static string ResultLink(IHtmlDocument page) =>
        page.QuerySelector("[data-testid=progress-outcome] a[data-testid=progress-result]")!.GetAttribute("href")!;

    [Fact]
    public async Task A_large_workbook_is_written_in_the_background_and_downloaded_by_who_started_it()
    {
        var repairer = await ArrangeAsync("Background Export Excel", 81_001, 7);

        using var started = await ExportAsync($"/jobs?repairer={repairer}&sort=number&dir=asc", "#export-xlsx");

        // The press comes back at once with the list and its progress, not with the file.
        Assert.Null(started.Content.Headers.ContentDisposition);
        var id = ProgressFollower.ProgressId(started);
        Assert.StartsWith($"/jobs?repairer={repairer}&sort=number&dir=asc&progress=", started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await ProgressFollower.FollowAsync(_browser, started);
        Assert.Equal("Export ready: 7 jobs. Download the file", Normalize(page.QuerySelector("[data-testid=progress-outcome]")!.TextContent));
        var ended = await ProgressFollower.PollAsync(_browser.Http, id);
        Assert.Equal(("succeeded", 7, 7),
            (ended.GetProperty("state").GetString(), ended.GetProperty("done").GetInt32(), ended.GetProperty("total").GetInt32()));
        var link = ResultLink(page);
        Assert.Equal(link, ended.GetProperty("resultUrl").GetString());
        Assert.Matches("^/jobs/exports/[0-9a-f]{32}\\.xlsx$", link);

        using var download = await _browser.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"jobs-{factory.DisplayTime.Today():yyyy-MM-dd}.xlsx", download.Content.Headers.ContentDisposition.FileNameStar
            ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.True(download.Headers.CacheControl is { Private: true, NoStore: true }, download.Headers.CacheControl?.ToString());
        using var workbook = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal(8, sheet.LastRowUsed().RowNumber());
        Assert.Equal(Columns, sheet.LastColumnUsed().ColumnNumber());
        Assert.Equal(Enumerable.Range(81_001, 7), Enumerable.Range(2, 7).Select(r => sheet.Cell(r, 1).GetValue<int>()));

        // Someone else with the link finds nothing.
        var other = new HtmlClient(factory.CreateBrowserLikeClient());
        await other.SignInAsync(DemoDataSeeder.SupportEmail);
        using var stolen = await other.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Null(stolen.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task A_large_csv_holds_every_job_and_the_reports_page_follows_it_too()
    {
        var repairer = await ArrangeAsync("Background Export Csv", 82_001, 12);

        using var started = await ExportAsync($"/reports?repairer={repairer}", "#reports-export-csv");

        Assert.StartsWith($"/reports?repairer={repairer}&progress=", started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await ProgressFollower.FollowAsync(_browser, started);
        Assert.StartsWith("Export ready: 12 jobs.", Normalize(page.QuerySelector("[data-testid=progress-outcome]")!.TextContent), StringComparison.Ordinal);
        using var download = await _browser.Http.GetAsync(new Uri(ResultLink(page), UriKind.Relative));
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(1 + 12 + 1, lines.Length);
        Assert.All(lines[..^1], line => Assert.Equal(Columns, line.Split(';').Length));
    }

    [Fact]
    public async Task An_export_past_the_limit_is_capped_and_says_so()
    {
        var repairer = await ArrangeAsync("Background Export Capped", 83_001, 12);

        using var started = await ExportAsync($"/jobs?repairer={repairer}", "#export-xlsx");

        var page = await ProgressFollower.FollowAsync(_browser, started);
        Assert.Equal("Export ready: 8 jobs, capped at the limit of 8 (the first ones in the list's order). Narrow the filters for the rest. Download the file",
            Normalize(page.QuerySelector("[data-testid=progress-outcome]")!.TextContent));
        using var download = await _browser.Http.GetAsync(new Uri(ResultLink(page), UriKind.Relative));
        using var workbook = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        // The first ones in the list's order: the newest numbers first by default.
        Assert.Equal(Enumerable.Range(83_005, 8).Reverse(), Enumerable.Range(2, 8).Select(r => workbook.Worksheets.Single().Cell(r, 1).GetValue<int>()));
    }

    [Fact]
    public async Task The_sweep_deletes_old_files_and_their_link_then_says_no_longer_kept()
    {
        var repairer = await ArrangeAsync("Background Export Swept", 84_001, 6);
        using var started = await ExportAsync($"/jobs?repairer={repairer}", "#export-csv");
        var link = ResultLink(await ProgressFollower.FollowAsync(_browser, started));
        var files = factory.Services.GetRequiredService<ExportFiles>();
        var folder = factory.Services.GetRequiredService<IOptions<ExportOptions>>().Value.Folder!;
        var path = Path.Combine(folder, link.Split('/')[^1]);
        Assert.True(File.Exists(path));

        // A fresh file is kept; one older than Exports:Keep (a day) goes.
        Assert.Equal(0, await files.SweepAsync(CancellationToken.None));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-25));
        Assert.Equal(1, await files.SweepAsync(CancellationToken.None));

        Assert.False(File.Exists(path));
        using var gone = await _browser.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var page = HtmlClient.Parse(await gone.Content.ReadAsStringAsync());
        Assert.Equal("This file is no longer kept; export again.", page.QuerySelector("[data-testid=export-gone]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_few_jobs_still_come_at_once()
    {
        var repairer = await ArrangeAsync("Background Export Few", 85_001, ExportWorkerFactory.DirectLimit);

        using var response = await ExportAsync($"/jobs?repairer={repairer}", "#export-csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1 + ExportWorkerFactory.DirectLimit + 1, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n").Length);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
