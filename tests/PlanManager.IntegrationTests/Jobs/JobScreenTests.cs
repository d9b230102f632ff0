using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Jobs;

public sealed class JobScreenTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private async Task<HttpResponseMessage> CreateJobAsync(string plate, IDictionary<string, string>? extra = null, string command = "save")
    {
        var values = new Dictionary<string, string>
        {
            ["Form.RepairerId"] = (await FirstRepairerIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Registration"] = plate,
            ["Form.Make"] = "Volkswagen",
            ["Form.Model"] = "Golf 1.5 TSI",
            ["Form.MileageAtEstimate"] = "45210",
            ["Form.ClaimNumber"] = "CLM-" + plate,
            ["Form.OwnerName"] = "Sofie Peeters",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return await Browser.SubmitAsync("/jobs/new", "#job-form", values, command);
    }

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Staff_creates_a_job_which_gets_a_number_an_owner_and_a_log_line()
    {
        using var response = await CreateJobAsync("2-gkp-418");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdFrom(response);
        var job = await Factory.WithDbAsync(db => db.Jobs.Include(j => j.Owner).Include(j => j.Log).SingleAsync(j => j.Id == id));
        Assert.True(job.Number > 0);
        Assert.Equal("2-GKP-418", job.Registration);
        Assert.Equal("Sofie Peeters", job.Owner?.Name);
        Assert.Equal(JobSource.Staff, job.Source);
        Assert.Contains(job.Log, l => l.MessageKey == "JobLog.Created" && l.UserName == "staff@planmanager.demo");

        var page = await Browser.GetPageAsync($"/jobs/{id}");
        Assert.Contains($"Job #{job.Number}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Job created.", page.QuerySelector("[role=status]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains($"Job #{job.Number} created", page.QuerySelector("[data-testid=job-log]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_job_saves_the_fields_and_logs_the_status_change()
    {
        var id = IdFrom(await CreateJobAsync("EDIT-001"));

        using var response = await Browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string>
        {
            ["Form.Status"] = nameof(JobStatus.InRepair),
            ["Form.Colour"] = "Midnight blue",
            ["Form.CurrentTask"] = "Paint booth",
            ["Form.EstimatedCompletionDate"] = "2026-12-04",
        }, "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await Factory.WithDbAsync(db => db.Jobs.Include(j => j.Log).SingleAsync(j => j.Id == id));
        Assert.Equal(JobStatus.InRepair, job.Status);
        Assert.Equal("Midnight blue", job.Colour);
        Assert.Equal(new DateOnly(2026, 12, 4), job.EstimatedCompletionDate);
        Assert.Contains(job.Log, l => l.MessageKey == "JobLog.StatusChanged" && l.Detail == "New|InRepair");

        var log = (await Browser.GetPageAsync($"/jobs/{id}")).QuerySelector("[data-testid=job-log]")!.TextContent;
        Assert.Contains("Status changed from New to In repair", log, StringComparison.Ordinal);
        Assert.Contains("Colour", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_shows_messages_beside_the_fields_and_saves_nothing()
    {
        var before = await Factory.WithDbAsync(db => db.Jobs.CountAsync());
        var ownersBefore = await Factory.WithDbAsync(db => db.ThirdParties.CountAsync());

        using var response = await CreateJobAsync(" ", new Dictionary<string, string>
        {
            ["Form.Vin"] = "WVWZZZ1KZ6W00000I",
            ["Form.MileageAtEstimate"] = "90000",
            ["Form.MileageAtRepair"] = "1200",
            ["Form.StartDate"] = "2026-11-20",
            ["Form.EndDate"] = "2026-11-02",
            ["Form.InsurerName"] = "An insurer nobody picked",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("'Registration' must not be empty.", HtmlClient.FieldError(page, "Form.Registration"));
        Assert.Equal("A VIN has 17 letters and digits, without I, O or Q.", HtmlClient.FieldError(page, "Form.Vin"));
        Assert.Equal("The mileage at repair cannot be lower than at estimate.", HtmlClient.FieldError(page, "Form.MileageAtRepair"));
        Assert.Equal("The end cannot be before the start.", HtmlClient.FieldError(page, "Form.EndDate"));
        Assert.NotNull(HtmlClient.FieldError(page, "Form.InsurerName"));
        Assert.NotNull(page.QuerySelector("[data-testid=validation-summary]"));
        // What the user typed is still there to correct.
        Assert.Equal("WVWZZZ1KZ6W00000I", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Vin")!.Value);

        Assert.Equal(before, await Factory.WithDbAsync(db => db.Jobs.CountAsync()));
        Assert.Equal(ownersBefore, await Factory.WithDbAsync(db => db.ThirdParties.CountAsync()));
    }

    [Fact]
    public async Task A_value_the_browser_could_not_have_sent_is_refused_with_a_message()
    {
        using var response = await CreateJobAsync("BIND-001",
            new Dictionary<string, string> { ["Form.MileageAtEstimate"] = "lots", ["Form.StartDate"] = "yesterday" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("'lots' is not a valid value for Mileage at estimate.", HtmlClient.FieldError(page, "Form.MileageAtEstimate"));
        Assert.Equal("'yesterday' is not a valid value for Start.", HtmlClient.FieldError(page, "Form.StartDate"));
        Assert.False(await Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.RegistrationKey == "BIND001")));
    }

    [Fact]
    public async Task After_a_validation_error_the_header_still_shows_the_stored_job_not_the_form()
    {
        var id = IdFrom(await CreateJobAsync("HDR-001"));
        var number = await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.Number).SingleAsync());

        using var response = await Browser.SubmitAsync($"/jobs/{id}", "#job-form",
            new Dictionary<string, string> { ["Form.Registration"] = " ", ["Form.Make"] = "Typed but not saved" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"Job #{number}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"Job #{number}", page.QuerySelector(".breadcrumb-item.active")!.TextContent.Trim());
        Assert.StartsWith($"Job #{number}", page.Title, StringComparison.Ordinal);
        var facts = page.QuerySelector(".pm-header-facts")!.TextContent;
        Assert.Contains("HDR-001", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("Typed but not saved", facts, StringComparison.Ordinal);
        // The form keeps what was typed, to correct it.
        Assert.Equal("Typed but not saved", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Make")!.Value);
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_change_is_refused()
    {
        var id = IdFrom(await CreateJobAsync("RACE-001"));
        var stalePage = await Browser.GetPageAsync($"/jobs/{id}");
        var staleStamp = stalePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.ConcurrencyStamp']")!.Value;

        // A colleague saves first.
        using (var first = await Browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string> { ["Form.Colour"] = "Red" }, "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await Browser.SubmitAsync($"/jobs/{id}", "#job-form", new Dictionary<string, string>
        {
            ["Form.Colour"] = "Green",
            ["Form.ConcurrencyStamp"] = staleStamp,
        }, "save");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else saved this job", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Red", await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.Colour).SingleAsync()));
    }

    [Fact]
    public async Task A_job_that_does_not_exist_answers_not_found()
    {
        using var response = await Browser.Http.GetAsync("/jobs/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sending_no_photos_to_Claims360_asks_to_tick_one_instead_of_reporting_zero_sent()
    {
        using var created = await CreateJobAsync("1-TCK-001");
        var id = IdFrom(created);
        var page = await Browser.GetPageAsync($"/jobs/{id}");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.Token(page, "#job-form"),
        });

        using var response = await Browser.Http.PostAsync($"/jobs/{id}/claims360/photos", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Tick at least one photo", after.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("0 photo", after.Body!.TextContent, StringComparison.Ordinal);
    }
}
