using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Tests.Builders;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>J3 on the job screen: the off site date typed like any date, and the clock that stamps now and changes nothing else.</summary>
public sealed class JobOffSiteTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private Task<int> CarInsideAsync(int number, string plate) => Factory.WithDbAsync(async db =>
    {
        var repairer = await db.Repairers.Select(r => r.Id).FirstAsync();
        var job = new JobBuilder().Number(number).Repairer(repairer).Plate(plate).With(d => d with { Colour = "Blue" }).Inside().Build();
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    private static string LocalMinute(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Brussels).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_car_that_left_yesterday_is_recorded_by_typing_the_date_and_time()
    {
        var id = await CarInsideAsync(71001, "OFF-001");
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);

        using var response = await Browser.SubmitAsync($"/jobs/{id}", "#job-form",
            new Dictionary<string, string> { ["Form.OffSiteAt"] = LocalMinute(yesterday) }, "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await Factory.WithDbAsync(db => db.Jobs.Include(j => j.Log).SingleAsync(j => j.Id == id));
        Assert.False(job.VehicleIn);
        Assert.Equal(LocalMinute(yesterday), LocalMinute(job.OffSiteDate!.Value));
        Assert.Single(job.Log, l => l.MessageKey == "JobLog.OffSite");

        var page = await Browser.GetPageAsync($"/jobs/{id}");
        Assert.Equal(LocalMinute(yesterday), page.QuerySelector<IHtmlInputElement>("#Form_OffSiteAt")!.Value);

        // Saving again with the same date is not a second "off site".
        using (var again = await Browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string>(), "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(1, await Factory.WithDbAsync(db => db.JobLog.CountAsync(l => l.JobId == id && l.MessageKey == "JobLog.OffSite")));
    }

    [Fact]
    public async Task An_off_site_date_in_the_future_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var id = await CarInsideAsync(71002, "OFF-002");

        using var response = await Browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string>
        {
            ["Form.OffSiteAt"] = LocalMinute(DateTimeOffset.UtcNow.AddDays(2)),
            ["Form.Colour"] = "Green",
        }, "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The off site date cannot be in the future.", HtmlClient.FieldError(page, "Form.OffSiteAt"));
        var job = await Factory.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Id == id));
        Assert.True(job.VehicleIn);
        Assert.Null(job.OffSiteDate);
        Assert.Equal("Blue", job.Colour);
    }

    [Fact]
    public async Task Clearing_a_wrong_off_site_date_is_saved_and_logged()
    {
        var id = await CarInsideAsync(71003, "OFF-003");
        using (var stamp = await Browser.SubmitAsync($"/jobs/{id}", "#off-site-form", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, stamp.StatusCode);
        }

        using var response = await Browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string> { ["Form.OffSiteAt"] = "" }, "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.OffSiteDate).SingleAsync()));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.JobLog.CountAsync(l => l.JobId == id && l.MessageKey == "JobLog.OffSiteCleared")));
    }

    [Fact]
    public async Task The_clock_stamps_now_unticks_vehicle_in_and_sends_none_of_the_forms_other_fields()
    {
        var id = await CarInsideAsync(71004, "OFF-004");
        var page = await Browser.GetPageAsync($"/jobs/{id}");
        var clock = page.QuerySelector<IHtmlButtonElement>("[data-testid=off-site-clock]")!;
        // The button sits beside the field but belongs to its own form, which carries only the concurrency stamp.
        Assert.Equal("off-site-form", clock.GetAttribute("form"));
        var fields = page.QuerySelector<IHtmlFormElement>("#off-site-form")!.Elements.OfType<IHtmlInputElement>().Select(i => i.Name).ToList();
        Assert.Equal(["__RequestVerificationToken", "concurrencyStamp"], fields.Order(StringComparer.Ordinal));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var response = await Browser.SubmitPageAsync(page, $"/jobs/{id}", "#off-site-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await Factory.WithDbAsync(db => db.Jobs.Include(j => j.Log).SingleAsync(j => j.Id == id));
        Assert.False(job.VehicleIn);
        Assert.InRange(job.OffSiteDate!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("Blue", job.Colour);
        Assert.Contains(job.Log, l => l.MessageKey == "JobLog.OffSite");
        Assert.DoesNotContain(job.Log, l => l.MessageKey == "JobLog.Updated");

        var after = await Browser.GetPageAsync($"/jobs/{id}");
        Assert.Contains("Nothing else was changed", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(after.QuerySelector<IHtmlInputElement>("#Form_VehicleIn")!.IsChecked);
    }

    [Fact]
    public async Task The_clock_on_a_page_someone_else_has_since_saved_changes_nothing_and_says_so()
    {
        var id = await CarInsideAsync(71005, "OFF-005");
        var stale = await Browser.GetPageAsync($"/jobs/{id}");
        using (var colleague = await Browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string> { ["Form.Colour"] = "Red" }, "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
        }

        using var response = await Browser.SubmitPageAsync(stale, $"/jobs/{id}", "#off-site-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await Factory.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Id == id));
        Assert.True(job.VehicleIn);
        Assert.Null(job.OffSiteDate);
        var after = await Browser.GetPageAsync($"/jobs/{id}");
        Assert.Contains("Someone else saved this job", after.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }
}
