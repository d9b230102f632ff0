using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>The job log panel (J5): platform and errors-only filters, and paging that keeps them.</summary>
public sealed class JobLogTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private static int _nextNumber = 8000;
    private static readonly string[] Known = ["caps-info", "caps-error", "c360-error", "local-info", "c360-warning"];

    private async Task<int> JobWithLogAsync(params (LogPlatform Platform, LogLevelKind Level, string Detail)[] lines)
    {
        var repairer = await FirstRepairerIdAsync();
        return await Factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(Interlocked.Increment(ref _nextNumber)).Repairer(repairer).Build();
            var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
            foreach (var (line, index) in lines.Select((l, i) => (l, i)))
            {
                job.Log.Add(new JobLogEntry { At = at.AddMinutes(index), UserName = "staff@planmanager.demo", Platform = line.Platform, Level = line.Level,
                    MessageKey = "JobLog.Created", Detail = line.Detail });
            }

            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
    }

    private async Task<List<string>> LinesAsync(string url)
    {
        var page = await Browser.GetPageAsync(url);
        return page.QuerySelectorAll("[data-testid=job-log-line]").Select(l => l.TextContent).ToList();
    }

    [Fact]
    public async Task The_platform_and_errors_only_filters_return_the_right_lines()
    {
        var id = await JobWithLogAsync(
            (LogPlatform.Caps, LogLevelKind.Info, "caps-info"),
            (LogPlatform.Caps, LogLevelKind.Error, "caps-error"),
            (LogPlatform.Claims360, LogLevelKind.Error, "c360-error"),
            (LogPlatform.None, LogLevelKind.Info, "local-info"),
            (LogPlatform.Claims360, LogLevelKind.Warning, "c360-warning"));

        static List<string> Details(List<string> lines) => lines.Select(l => Known.Single(d => l.Contains($"#{d} ", StringComparison.Ordinal))).ToList();

        Assert.Equal(["c360-warning", "local-info", "c360-error", "caps-error", "caps-info"], Details(await LinesAsync($"/jobs/{id}")));
        Assert.Equal(["caps-error", "caps-info"], Details(await LinesAsync($"/jobs/{id}?logPlatform=Caps")));
        Assert.Equal(["c360-error", "caps-error"], Details(await LinesAsync($"/jobs/{id}?logErrors=true")));
        Assert.Equal(["c360-error"], Details(await LinesAsync($"/jobs/{id}?logPlatform=Claims360&logErrors=true")));
        Assert.Equal(["local-info"], Details(await LinesAsync($"/jobs/{id}?logPlatform=None")));

        var page = await Browser.GetPageAsync($"/jobs/{id}?logPlatform=Informex");
        Assert.Empty(page.QuerySelectorAll("[data-testid=job-log-line]"));
        Assert.Contains("No log lines match these filters.", page.QuerySelector("[data-testid=job-log]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Informex", (page.QuerySelector("#logPlatform option[selected]") as AngleSharp.Html.Dom.IHtmlOptionElement)?.Value);
    }

    [Fact]
    public async Task Paging_through_a_filtered_log_keeps_the_filters()
    {
        var lines = Enumerable.Range(1, 30).Select(n => (LogPlatform.Caps, LogLevelKind.Error, $"push-{n:00}"))
            .Concat(Enumerable.Range(1, 10).Select(n => (LogPlatform.None, LogLevelKind.Info, $"edit-{n:00}")))
            .ToArray();
        var id = await JobWithLogAsync(lines);

        var first = await Browser.GetPageAsync($"/jobs/{id}?logPlatform=Caps&logErrors=true");
        Assert.Equal(25, first.QuerySelectorAll("[data-testid=job-log-line]").Length);
        Assert.Equal("30", first.QuerySelector("[data-testid=job-log-count]")!.TextContent.Trim());
        var older = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("logPlatform=Caps", older, StringComparison.Ordinal);
        Assert.Contains("logErrors=true", older, StringComparison.Ordinal);

        var second = await LinesAsync(older);
        Assert.Equal(5, second.Count);
        Assert.All(second, l => Assert.Contains("push-", l, StringComparison.Ordinal));
        Assert.Contains("push-01", second[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_vehicle_in_and_off_site_changes_are_logged_with_the_user()
    {
        var id = await JobWithLogAsync();

        using (var save = await Browser.SubmitAsync($"/jobs/{id}", "#job-form",
            new Dictionary<string, string> { ["Form.Status"] = "Ready", ["Form.VehicleIn"] = "true" }, "save"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, save.StatusCode);
        }

        using (var offSite = await Browser.SubmitAsync($"/jobs/{id}", "#off-site-form", new Dictionary<string, string>()))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, offSite.StatusCode);
        }

        var log = await Factory.WithDbAsync(db => db.JobLog.Where(l => l.JobId == id).Select(l => new { l.MessageKey, l.UserName }).ToListAsync());
        Assert.Contains(log, l => l.MessageKey == "JobLog.StatusChanged");
        Assert.Contains(log, l => l.MessageKey == "JobLog.VehicleIn");
        Assert.Contains(log, l => l.MessageKey == "JobLog.OffSite");
        Assert.All(log, l => Assert.Equal("staff@planmanager.demo", l.UserName));
    }
}
