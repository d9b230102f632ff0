using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Informex;

/// <summary>Issue 22 items 19, 20 and 21: the job card's "i" sends in one press; technical inspection; loose checks of the second-circuit form.</summary>
public sealed class InformexOnePressTests(InformexFactory factory) : IClassFixture<InformexFactory>, IAsyncLifetime
{
    private static int _nextNumber = 96000;
    private readonly HtmlClient _browser = new(factory.CreateBrowserLikeClient());

    public async Task InitializeAsync()
    {
        await factory.SetClaims360Async(false);
        await _browser.SignInAsync(DemoDataSeeder.StaffEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static int NextNumber() => Interlocked.Increment(ref _nextNumber);

    private Task<int> AddJobAsync(int repairer, int number, string plate, int? mileage) => factory.WithDbAsync(async db =>
    {
        var job = new JobBuilder().Number(number).Repairer(repairer).Plate(plate).Make("Volkswagen", "Golf")
            .With(d => d with { MileageAtEstimate = mileage }).Build();
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    private async Task UploadPhotosAsync(int jobId, params string[] names)
    {
        var page = await _browser.GetPageAsync($"/jobs/{jobId}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlClient.Token(page, "form[data-photo-upload]")), "__RequestVerificationToken" },
        };
        foreach (var name in names)
        {
            var file = new ByteArrayContent(TestPhotos.Jpeg(320, 240));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
            form.Add(file, "files", name);
        }

        using var response = await _browser.Http.PostAsync(new Uri($"/jobs/{jobId}/photos", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<HttpResponseMessage> SaveAsync(int jobId, IDictionary<string, string> values) =>
        _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-form", values, button: "save");

    [Fact]
    public async Task The_i_on_the_job_card_sends_at_once_with_every_photo_and_asks_only_before_the_billed_first_send()
    {
        const string mailbox = "BE0310000001";
        var repairer = await factory.AddRepairerAsync(mailbox);
        var number = NextNumber();
        var jobId = await AddJobAsync(repairer, number, "1ONE001", 45210);
        factory.GivenDossier(mailbox, $"IFX-{number}");
        await UploadPhotosAsync(jobId, "front.jpg", "rear.jpg");

        var job = await _browser.GetPageAsync($"/jobs/{jobId}");
        Assert.Contains("bills", job.QuerySelector("#ifx-card-send-form")!.GetAttribute("data-confirm"), StringComparison.Ordinal);
        using var sent = await _browser.SubmitPageAsync(job, $"/jobs/{jobId}", "#ifx-card-send-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/jobs/{jobId}#winformex", sent.Headers.Location!.OriginalString);
        var after = await _browser.GetPageAsync($"/jobs/{jobId}");
        Assert.Contains($"IFX-{number}", after.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"IFX-{number}", after.QuerySelector("[data-testid=ifx-card-dossier]")!.TextContent.Trim());
        Assert.Single(factory.Requests(InformexFactory.Path(mailbox, "/dossiers"), "POST"));
        Assert.Equal(2, factory.Requests(InformexFactory.Path(mailbox, $"/dossiers/IFX-{number}/photos"), "POST").Count);

        // The dossier exists: no question now, and a second press creates nothing and sends no photo twice.
        Assert.True(string.IsNullOrEmpty(after.QuerySelector("#ifx-card-send-form")!.GetAttribute("data-confirm")));
        using var again = await _browser.SubmitPageAsync(after, $"/jobs/{jobId}", "#ifx-card-send-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(factory.Requests(InformexFactory.Path(mailbox, "/dossiers"), "POST"));
        Assert.Equal(2, factory.Requests(InformexFactory.Path(mailbox, $"/dossiers/IFX-{number}/photos"), "POST").Count);
    }

    [Fact]
    public async Task The_i_on_the_job_card_without_a_mileage_opens_the_Winformex_page_saying_so_and_sends_nothing()
    {
        const string mailbox = "BE0310000002";
        var repairer = await factory.AddRepairerAsync(mailbox);
        var number = NextNumber();
        var jobId = await AddJobAsync(repairer, number, "1ONE002", null);
        factory.GivenDossier(mailbox, $"IFX-{number}");

        using var answer = await _browser.SubmitAsync($"/jobs/{jobId}", "#ifx-card-send-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = HtmlClient.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains("Enter the mileage", HtmlClient.FieldError(page, "Form.Mileage"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#ifx-form"));
        Assert.Empty(factory.Requests(InformexFactory.Path(mailbox, "/dossiers"), "POST"));
    }

    [Fact]
    public async Task Technical_inspection_is_kept_with_its_numbered_points_and_to_inspect_needs_a_point()
    {
        var repairer = await factory.AddRepairerAsync("BE0310000003");
        var jobId = await AddJobAsync(repairer, NextNumber(), "1ONE003", 1000);
        var page = await _browser.GetPageAsync($"/jobs/{jobId}/winformex");
        Assert.Equal(["1 - Chassis", "2 - Steering"],
            page.QuerySelectorAll("[data-testid=ifx-inspection] input[name='Form.Points'] + label").Select(l => l.TextContent.Trim()));

        using var none = await SaveAsync(jobId, new Dictionary<string, string> { ["Form.TechnicalInspection"] = "ToInspect" });
        Assert.Contains("Tick what is to be inspected", HtmlClient.FieldError(HtmlClient.Parse(await none.Content.ReadAsStringAsync()), "Form.Points"),
            StringComparison.Ordinal);

        using var saved = await SaveAsync(jobId, new Dictionary<string, string> { ["Form.TechnicalInspection"] = "ToInspect", ["Form.Points"] = "Steering" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var file = await factory.WithDbAsync(db => db.InformexJobFiles.AsNoTracking().SingleAsync(f => f.JobId == jobId));
        Assert.Equal((TechnicalInspection.ToInspect, InspectionPoints.Steering), (file.TechnicalInspection, file.InspectionPoints));
        var shown = await _browser.GetPageAsync($"/jobs/{jobId}/winformex");
        Assert.NotNull(shown.QuerySelector("#ifx-inspection-to-inspect[checked]"));
        Assert.NotNull(shown.QuerySelector("#ifx-point-2[checked]"));
        Assert.Null(shown.QuerySelector("#ifx-point-1[checked]"));

        // "No inspection" drops points ticked before.
        using var cleared = await SaveAsync(jobId, new Dictionary<string, string> { ["Form.TechnicalInspection"] = "None" });
        file = await factory.WithDbAsync(db => db.InformexJobFiles.AsNoTracking().SingleAsync(f => f.JobId == jobId));
        Assert.Equal((TechnicalInspection.None, InspectionPoints.None), (file.TechnicalInspection, file.InspectionPoints));
    }

    [Fact]
    public async Task An_arrival_years_ahead_and_a_mileage_with_unknown_are_refused_next_to_their_fields_on_save()
    {
        var repairer = await factory.AddRepairerAsync("BE0310000004");
        var jobId = await AddJobAsync(repairer, NextNumber(), "1ONE004", null);
        string Day(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var farAhead = await SaveAsync(jobId, new Dictionary<string, string> { ["Form.ArrivalAtRepairer"] = Day(2 * 365) });
        Assert.Contains("at most 90 days ahead",
            HtmlClient.FieldError(HtmlClient.Parse(await farAhead.Content.ReadAsStringAsync()), "Form.ArrivalAtRepairer"), StringComparison.Ordinal);

        using var both = await SaveAsync(jobId, new Dictionary<string, string> { ["Form.Mileage"] = "1000", ["Form.MileageUnknown"] = "true" });
        Assert.Contains("empty when it is unknown", HtmlClient.FieldError(HtmlClient.Parse(await both.Content.ReadAsStringAsync()), "Form.Mileage"),
            StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.InformexJobFiles.AnyAsync(f => f.JobId == jobId)));

        using var soon = await SaveAsync(jobId, new Dictionary<string, string> { ["Form.ArrivalAtRepairer"] = Day(30) });
        Assert.Equal(HttpStatusCode.Redirect, soon.StatusCode);
    }
}
