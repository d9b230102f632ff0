using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.IntegrationTests.Administration;

/// <summary>Issue 22 item 18: the recurring jobs Support deletes on the dashboard come back; the dashboard knows the bodyshop's zone.</summary>
public sealed class BackgroundJobDashboardTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    private const string Dashboard = HangfireSetup.DashboardPath;

    private List<string> RecurringIds()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }

    private async Task<HtmlClient> SupportAsync()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.SupportEmail);
        return browser;
    }

    [Fact]
    public async Task Every_recurring_job_of_the_app_is_on_the_dashboard_after_start()
    {
        Assert.All(RecurringJobs.Ids, id => Assert.Contains(id, RecurringIds()));
        var page = await (await SupportAsync()).GetPageAsync($"{Dashboard}/recurring");
        Assert.All(RecurringJobs.Ids, id => Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent.Trim() == id));
    }

    [Fact]
    public async Task A_recurring_job_deleted_with_the_dashboards_delete_button_is_back_at_once_with_its_schedule()
    {
        var support = await SupportAsync();
        var page = await support.GetPageAsync($"{Dashboard}/recurring");
        // What the dashboard's script sends for "Delete": the ticked ids and its antiforgery header.
        using var remove = new HttpRequestMessage(HttpMethod.Post, $"{Dashboard}/recurring/remove")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", ConnectorHealthCheck.JobId)]),
        };
        var header = page.QuerySelector("meta[name=csrf-header]")!.GetAttribute("content")!;
        remove.Headers.Add(header, page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content"));

        using var response = await support.Http.SendAsync(remove);

        Assert.True(response.IsSuccessStatusCode, $"the dashboard answered {(int)response.StatusCode}");
        Assert.Contains(ConnectorHealthCheck.JobId, RecurringIds());
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs([ConnectorHealthCheck.JobId]).Single();
        Assert.Equal("*/15 * * * *", job.Cron);
        Assert.NotNull(job.NextExecution);
    }

    [Fact]
    public async Task A_recurring_job_removed_some_other_way_is_back_when_Support_opens_the_list()
    {
        factory.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(Web.Features.Messages.MailOutboxRelay.SweepJobId);
        Assert.DoesNotContain(Web.Features.Messages.MailOutboxRelay.SweepJobId, RecurringIds());

        var page = await (await SupportAsync()).GetPageAsync($"{Dashboard}/recurring");

        Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent.Trim() == Web.Features.Messages.MailOutboxRelay.SweepJobId);
        Assert.Contains(Web.Features.Messages.MailOutboxRelay.SweepJobId, RecurringIds());
    }

    [Fact]
    public async Task The_dashboard_pages_carry_the_bodyshops_zone_and_its_script_shows_times_in_it_on_a_24_hour_clock()
    {
        var support = await SupportAsync();
        var page = await support.GetPageAsync(Dashboard);

        Assert.Equal("Europe/Brussels", page.DocumentElement.GetAttribute("data-time-zone"));
        var bundle = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).Single(src => src.Contains("/js", StringComparison.Ordinal));
        var script = await support.Http.GetStringAsync(bundle);
        Assert.Contains("PlanManager's addition to Hangfire's dashboard", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("PlanManager's addition", StringComparison.Ordinal) > script.IndexOf("Hangfire.Page", StringComparison.Ordinal),
            "the time script runs after Hangfire's own");
    }
}
