using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PlanManager.IntegrationTests.Informex;

/// <summary>The app with Informex played by WireMock.Net; Claims360 is off (the Winformex tab shows) unless a test switches it on.</summary>
public sealed class InformexFactory : PlanManagerFactory
{
    public const string ApiKey = "informex-sandbox-key";

    public WireMockServer Platform { get; } = WireMockServer.Start();

    /// <summary>"Import now" runs as a Hangfire job (decision 0016); the recurring imports and health checks never fire on their own.</summary>
    protected override bool RunBackgroundServer => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Connectors:Informex:ImportCron", Claims360.Claims360WorkerFactory.Never);
        builder.UseSetting("Connectors:Claims360:ImportCron", Claims360.Claims360WorkerFactory.Never);
        builder.UseSetting("BackgroundJobs:ConnectorHealthCron", Claims360.Claims360WorkerFactory.Never);
        builder.UseSetting("Connectors:Informex:BaseUrl", Platform.Url + "/ifx");
        builder.UseSetting("Connectors:Informex:AttemptTimeout", "00:00:15");
        builder.UseSetting("Connectors:Informex:MaxRetries", "1");
    }

    public static string Path(string mailbox, string rest) => $"/ifx/v1/mailboxes/{mailbox}{rest}";

    public Task SetClaims360Async(bool on) =>
        WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Claims360).ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, on)));

    public Task<int> AddRepairerAsync(string mailbox) => WithDbAsync(async db =>
    {
        var repairer = new Repairer { Name = "Carrosserie " + mailbox, Country = "BE", ExternalReference = mailbox, CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        return repairer.Id;
    });

    public Task<int> AddJobAsync(int repairerId, int number, string plate) => WithDbAsync(async db =>
    {
        var job = new JobBuilder().Number(number).Repairer(repairerId).Plate(plate).Claim("CL-" + number).Make("Volkswagen", "Golf").Build();
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    public static object Transmission(string number, string plate, DateTimeOffset receivedAt, string insurer = "AG Insurance") => new
    {
        assignmentNumber = number,
        insurerName = insurer,
        claimNumber = "12/" + number,
        licensePlate = plate,
        vin = (string?)null,
        make = "Volkswagen",
        model = "Golf",
        customerName = "Jan Peeters",
        receivedAt = receivedAt.ToString("o", CultureInfo.InvariantCulture),
    };

    /// <summary>The mailbox's transmissions, only with the API key (401 otherwise).</summary>
    public void GivenTransmissions(string mailbox, params object[] transmissions)
    {
        Platform.Given(Request.Create().WithPath(Path(mailbox, "/transmissions")).UsingGet()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(401));
        Platform.Given(Request.Create().WithPath(Path(mailbox, "/transmissions")).UsingGet().WithHeader("X-Informex-Api-Key", ApiKey)).AtPriority(1)
            .RespondWith(Json(200, new { transmissions }));
    }

    /// <summary>Dossier creation: 201 the first time, then 409 with the same number (the platform's key is the job number).</summary>
    public void GivenDossier(string mailbox, string dossierNumber)
    {
        var path = Path(mailbox, "/dossiers");
        var scenario = "dossier-" + dossierNumber;
        Platform.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(5).InScenario(scenario).WillSetStateTo("exists")
            .RespondWith(Json(201, new { dossierNumber }));
        Platform.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(1).InScenario(scenario).WhenStateIs("exists")
            .RespondWith(Json(409, new { dossierNumber }));
        Platform.Given(Request.Create().WithPath(Path(mailbox, $"/dossiers/{dossierNumber}/photos")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201));
        Platform.Given(Request.Create().WithPath(Path(mailbox, $"/dossiers/{dossierNumber}/second-circuit")).UsingPut()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200));
    }

    public static IResponseBuilder Json(int status, object body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body));

    public IReadOnlyList<WireMock.Logging.ILogEntry> Requests(string path, string method) =>
        Platform.LogEntries.Where(e => e.RequestMessage.AbsolutePath == path && e.RequestMessage.Method == method).ToList();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Platform.Stop();
        Platform.Dispose();
    }
}

public sealed class InformexTests(InformexFactory factory) : IClassFixture<InformexFactory>, IAsyncLifetime
{
    private static int _nextNumber = 95000;
    private readonly HtmlClient _browser = new(factory.CreateBrowserLikeClient());

    public async Task InitializeAsync()
    {
        await factory.SetClaims360Async(false);
        await _browser.SignInAsync(DemoDataSeeder.StaffEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static int NextNumber() => Interlocked.Increment(ref _nextNumber);

    private async Task<string> MessageAfterAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.Contains("progress=", StringComparison.Ordinal))
        {
            // "Import now" runs in the background: follow its progress to the message it ends with.
            return await ProgressFollower.OutcomeAsync(_browser, response);
        }

        var page = await _browser.GetPageAsync(response.Headers.Location!.OriginalString);
        return (page.QuerySelector("[role=alert]") ?? page.QuerySelector("[role=status]"))?.TextContent.Trim() ?? string.Empty;
    }

    private Task<HttpResponseMessage> ImportNowAsync(int? repairer) =>
        _browser.SubmitAsync(repairer is null ? "/job-queue/informex" : $"/job-queue/informex?repairer={repairer}",
            "form[action^='/job-queue/informex/import']", new Dictionary<string, string>());

    private Task<HttpResponseMessage> SendAsync(int jobId, IDictionary<string, string>? values = null) =>
        _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-form", values ?? new Dictionary<string, string> { ["Form.Mileage"] = "45210" }, button: "send");

    /// <summary>Posts the Winformex form by hand, for several ticked photos (one name, several values).</summary>
    private async Task<HttpResponseMessage> SendWithPhotosAsync(int jobId, params int[] photoIds)
    {
        var page = await _browser.GetPageAsync($"/jobs/{jobId}/winformex");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", HtmlClient.Token(page, "#ifx-form")),
            new("Form.Mileage", "45210"),
            new("Form.Command", "send"),
        };
        fields.AddRange(photoIds.Select(id => new KeyValuePair<string, string>("Form.PhotoIds", id.ToString(CultureInfo.InvariantCulture))));
        using var content = new FormUrlEncodedContent(fields);
        return await _browser.Http.PostAsync(new Uri($"/jobs/{jobId}/winformex", UriKind.Relative), content);
    }

    private async Task<int[]> UploadPhotosAsync(int jobId, params string[] names)
    {
        var page = await _browser.GetPageAsync($"/jobs/{jobId}");
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "form[data-photo-upload]")),
            "__RequestVerificationToken" } };
        foreach (var name in names)
        {
            var file = new ByteArrayContent(TestPhotos.Jpeg(320, 240));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
            form.Add(file, "files", name);
        }

        using var response = await _browser.Http.PostAsync(new Uri($"/jobs/{jobId}/photos", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.JobPhotos.Where(p => p.JobId == jobId).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync());
    }

    [Fact]
    public async Task Transmissions_are_imported_once_with_the_api_key_and_listed_under_the_job_queue()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000001");
        var received = DateTimeOffset.UtcNow.AddDays(-2);
        factory.GivenTransmissions("BE0300000001",
            InformexFactory.Transmission("D21-100001", "1-ABC-001", received),
            InformexFactory.Transmission("D21-100002", "1ABC002", received.AddHours(1)),
            InformexFactory.Transmission("D21-100003", "1ABC003", received.AddHours(2), insurer: "Ethias"));

        Assert.Contains("3 new, 0 changed", await MessageAfterAsync(await ImportNowAsync(repairer)), StringComparison.Ordinal);
        Assert.Contains("0 new, 0 changed", await MessageAfterAsync(await ImportNowAsync(repairer)), StringComparison.Ordinal);

        Assert.Equal(3, await factory.WithDbAsync(db => db.InformexTransmissions.CountAsync(t => t.RepairerId == repairer)));
        var path = InformexFactory.Path("BE0300000001", "/transmissions");
        var calls = factory.Requests(path, "GET");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(InformexFactory.ApiKey, c.RequestMessage.Headers!["X-Informex-Api-Key"].Single()));
        // The second import asks only from shortly before the newest one held.
        Assert.False(calls[0].RequestMessage.Query!.ContainsKey("since"));
        Assert.True(calls[1].RequestMessage.Query!.ContainsKey("since"));

        var page = await _browser.GetPageAsync($"/job-queue/informex?repairer={repairer}");
        var rows = page.QuerySelectorAll("[data-testid=ifx-queue] tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains("D21-100003", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Ethias", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("12/D21-100003", rows[0].TextContent, StringComparison.Ordinal);

        // Job > Job Queue > Informex, with the count of transmissions no job is linked to yet.
        var menu = page.QuerySelector("[data-testid=queue-count-informex]");
        Assert.NotNull(menu);
        Assert.True(int.Parse(menu!.TextContent, CultureInfo.InvariantCulture) >= 3);
        Assert.Equal("/job-queue/informex", menu.ParentElement!.GetAttribute("href"));

        // Search by plate, whatever its separators.
        var found = await _browser.GetPageAsync($"/job-queue/informex?repairer={repairer}&q=1abc001");
        Assert.Single(found.QuerySelectorAll("[data-testid=ifx-queue] tbody tr"));
        Assert.Contains("D21-100001", found.QuerySelector("[data-testid=ifx-queue] tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_failure_on_import_is_reported_and_nothing_is_half_saved()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000009");
        factory.Platform.Given(Request.Create().WithPath(InformexFactory.Path("BE0300000009", "/transmissions")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503));
        var message = await MessageAfterAsync(await ImportNowAsync(repairer));
        Assert.Contains("could not be reached", message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.InformexTransmissions.CountAsync(t => t.RepairerId == repairer)));
    }

    [Fact]
    public async Task Sending_creates_one_dossier_uploads_only_the_ticked_photos_and_a_second_send_reuses_the_dossier()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000002");
        var number = NextNumber();
        var jobId = await factory.AddJobAsync(repairer, number, "1SND001");
        var dossier = $"IFX-{number}";
        factory.GivenDossier("BE0300000002", dossier);
        var photos = await UploadPhotosAsync(jobId, "front.jpg", "side.jpg", "rear.jpg");

        var sent = await MessageAfterAsync(await SendWithPhotosAsync(jobId, photos[0], photos[2]));
        Assert.Contains(dossier, sent, StringComparison.Ordinal);
        Assert.Contains("2 photo(s) uploaded", sent, StringComparison.Ordinal);

        var create = factory.Requests(InformexFactory.Path("BE0300000002", "/dossiers"), "POST");
        Assert.Single(create);
        var body = JsonDocument.Parse(create[0].RequestMessage.Body!).RootElement;
        Assert.Equal(number.ToString(CultureInfo.InvariantCulture), body.GetProperty("jobNumber").GetString());
        Assert.Equal("1SND001", body.GetProperty("licensePlate").GetString());
        Assert.Equal(45210, body.GetProperty("mileage").GetInt32());
        Assert.Equal("Volkswagen", body.GetProperty("make").GetString());
        Assert.Equal("CL-" + number, body.GetProperty("claimNumber").GetString());
        var photoPath = InformexFactory.Path("BE0300000002", $"/dossiers/{dossier}/photos");
        Assert.Equal(2, factory.Requests(photoPath, "POST").Count);
        Assert.Equal(dossier, await factory.WithDbAsync(db => db.InformexJobFiles.Where(f => f.JobId == jobId).Select(f => f.DossierNumber).SingleAsync()));

        // Again, all three ticked: no second dossier (each is billed), only the photo not sent before.
        var again = await MessageAfterAsync(await SendWithPhotosAsync(jobId, photos));
        Assert.Contains("no new dossier", again, StringComparison.Ordinal);
        Assert.Single(factory.Requests(InformexFactory.Path("BE0300000002", "/dossiers"), "POST"));
        Assert.Equal(3, factory.Requests(photoPath, "POST").Count);

        // The dossier number is on the job's Winformex card and in its log.
        var job = await _browser.GetPageAsync($"/jobs/{jobId}");
        Assert.Equal(dossier, job.QuerySelector("[data-testid=ifx-card-dossier]")!.TextContent.Trim());
        Assert.Contains(await factory.WithDbAsync(db => db.JobLog.Where(l => l.JobId == jobId).Select(l => l.MessageKey).ToListAsync()),
            k => k == "JobLog.InformexSent");
    }

    [Fact]
    public async Task When_the_dossier_number_was_lost_the_platforms_conflict_answer_gives_back_the_same_dossier()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000003");
        var number = NextNumber();
        var jobId = await factory.AddJobAsync(repairer, number, "1SND002");
        var dossier = $"IFX-{number}";
        factory.GivenDossier("BE0300000003", dossier);
        Assert.Contains(dossier, await MessageAfterAsync(await SendAsync(jobId)), StringComparison.Ordinal);

        // As after a crash between the platform's answer and our save.
        await factory.WithDbAsync(db => db.InformexJobFiles.Where(f => f.JobId == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DossierNumber, (string?)null)));
        await MessageAfterAsync(await SendAsync(jobId));

        var creates = factory.Requests(InformexFactory.Path("BE0300000003", "/dossiers"), "POST");
        Assert.Equal([201, 409], creates.Select(c => Convert.ToInt32(c.ResponseMessage.StatusCode, CultureInfo.InvariantCulture)));
        Assert.Equal(dossier, await factory.WithDbAsync(db => db.InformexJobFiles.Where(f => f.JobId == jobId).Select(f => f.DossierNumber).SingleAsync()));
    }

    [Fact]
    public async Task While_Claims360_is_on_sending_is_refused_the_tab_is_hidden_and_transmissions_still_come_in()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000004");
        var number = NextNumber();
        var jobId = await factory.AddJobAsync(repairer, number, "1SND003");
        factory.GivenDossier("BE0300000004", $"IFX-{number}");
        factory.GivenTransmissions("BE0300000004", InformexFactory.Transmission("D21-400001", "1SND003", DateTimeOffset.UtcNow.AddHours(-3)));
        var before = await _browser.GetPageAsync($"/jobs/{jobId}");
        Assert.NotNull(before.QuerySelector("[data-testid=ifx-card]"));
        var token = HtmlClient.Token(await _browser.GetPageAsync($"/jobs/{jobId}/winformex"), "#ifx-form");

        await factory.SetClaims360Async(true);
        try
        {
            var job = await _browser.GetPageAsync($"/jobs/{jobId}");
            Assert.Null(job.QuerySelector("[data-testid=ifx-card]"));
            var page = await _browser.GetPageAsync($"/jobs/{jobId}/winformex");
            Assert.NotNull(page.QuerySelector("[data-testid=ifx-claims360-active]"));
            Assert.True(page.QuerySelector("[data-testid=ifx-send]")!.HasAttribute("disabled"));

            // A form still open from before: the post is refused with the reason, nothing reaches Informex.
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Form.Mileage"] = "1000", ["Form.Command"] = "send",
            });
            var refused = await MessageAfterAsync(await _browser.Http.PostAsync(new Uri($"/jobs/{jobId}/winformex", UriKind.Relative), content));
            Assert.Contains("Claims360 is active", refused, StringComparison.Ordinal);
            Assert.Empty(factory.Requests(InformexFactory.Path("BE0300000004", "/dossiers"), "POST"));
            Assert.False(await factory.WithDbAsync(db => db.InformexJobFiles.AnyAsync(f => f.JobId == jobId && f.DossierNumber != null)));

            // Received transmissions keep coming in.
            Assert.Contains("1 new", await MessageAfterAsync(await ImportNowAsync(repairer)), StringComparison.Ordinal);
            Assert.Equal(1, await factory.WithDbAsync(db => db.InformexTransmissions.CountAsync(t => t.RepairerId == repairer)));
        }
        finally
        {
            await factory.SetClaims360Async(false);
        }
    }

    [Fact]
    public async Task The_pick_list_offers_the_transmissions_with_the_same_plate_and_linking_sends_the_assignment_number()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000005");
        var number = NextNumber();
        var jobId = await factory.AddJobAsync(repairer, number, "1-LNK-001");
        var dossier = $"IFX-{number}";
        factory.GivenDossier("BE0300000005", dossier);
        factory.GivenTransmissions("BE0300000005",
            InformexFactory.Transmission("D21-500001", "1LNK001", DateTimeOffset.UtcNow.AddDays(-1)),
            InformexFactory.Transmission("D21-500002", "1LNK999", DateTimeOffset.UtcNow.AddDays(-1)));
        await MessageAfterAsync(await ImportNowAsync(repairer));

        var page = await _browser.GetPageAsync($"/jobs/{jobId}/winformex");
        var offered = page.QuerySelectorAll("[data-testid=ifx-picklist] input[type=radio]").Select(r => r.GetAttribute("value")).ToList();
        Assert.Equal(["D21-500001"], offered);

        // Picked before the job was sent: kept, and sent to Informex with the job.
        var pending = await MessageAfterAsync(await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-link-form",
            new Dictionary<string, string> { ["LinkForm.Picked"] = "D21-500001" }));
        Assert.Contains("when you send the job", pending, StringComparison.Ordinal);
        var link = InformexFactory.Path("BE0300000005", $"/dossiers/{dossier}/second-circuit");
        Assert.Empty(factory.Requests(link, "PUT"));

        await MessageAfterAsync(await SendAsync(jobId));
        var puts = factory.Requests(link, "PUT");
        Assert.Single(puts);
        Assert.Equal("D21-500001", JsonDocument.Parse(puts[0].RequestMessage.Body!).RootElement.GetProperty("assignmentNumber").GetString());
        var file = await factory.WithDbAsync(db => db.InformexJobFiles.AsNoTracking().SingleAsync(f => f.JobId == jobId));
        Assert.Equal("D21-500001", file.AssignmentNumber);
        Assert.NotNull(file.LinkSentAt);

        // A number typed by hand wins over the pick-list and is sent at once now the dossier exists.
        var typed = await MessageAfterAsync(await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-link-form",
            new Dictionary<string, string> { ["LinkForm.Picked"] = "D21-500001", ["LinkForm.Typed"] = "D21-500002" }));
        Assert.Contains("D21-500002", typed, StringComparison.Ordinal);
        Assert.Equal("D21-500002",
            JsonDocument.Parse(factory.Requests(link, "PUT")[^1].RequestMessage.Body!).RootElement.GetProperty("assignmentNumber").GetString());

        // The queue shows which job each transmission is linked to.
        var queue = await _browser.GetPageAsync($"/job-queue/informex?repairer={repairer}&q=D21-500002");
        Assert.Contains(number.ToString(CultureInfo.InvariantCulture), queue.QuerySelector("[data-testid=ifx-queue] tbody")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assignment_number_Informex_does_not_know_is_refused_next_to_the_field_and_the_link_is_unchanged()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000006");
        var number = NextNumber();
        var jobId = await factory.AddJobAsync(repairer, number, "1LNK002");
        var dossier = $"IFX-{number}";
        factory.GivenDossier("BE0300000006", dossier);
        await MessageAfterAsync(await SendAsync(jobId));
        factory.Platform.Given(Request.Create().WithPath(InformexFactory.Path("BE0300000006", $"/dossiers/{dossier}/second-circuit")).UsingPut()
                .WithBody(new WireMock.Matchers.WildcardMatcher("*NOPE-1*")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(404));

        using var answer = await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-link-form",
            new Dictionary<string, string> { ["LinkForm.Typed"] = "NOPE-1" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = HtmlClient.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains("does not know assignment NOPE-1", HtmlClient.FieldError(page, "LinkForm.AssignmentNumber"), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.InformexJobFiles.Where(f => f.JobId == jobId).Select(f => f.AssignmentNumber).SingleAsync()));

        using var bad = await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-link-form",
            new Dictionary<string, string> { ["LinkForm.Typed"] = "<script>" });
        Assert.Contains("letters and digits", HtmlClient.FieldError(HtmlClient.Parse(await bad.Content.ReadAsStringAsync()), "LinkForm.AssignmentNumber"),
            StringComparison.Ordinal);
        using var empty = await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-link-form", new Dictionary<string, string>());
        Assert.NotNull(HtmlClient.FieldError(HtmlClient.Parse(await empty.Content.ReadAsStringAsync()), "LinkForm.AssignmentNumber"));
    }

    [Theory]
    [InlineData("Form.Vin", "WVWZZZ1JZXW00000I", "Form.Vin")]
    [InlineData("Form.PowerKw", "0", "Form.PowerKw")]
    [InlineData("Form.CylinderCc", "99999", "Form.CylinderCc")]
    [InlineData("Form.Co2", "-5", "Form.Co2")]
    [InlineData("Form.RepairDays", "400", "Form.RepairDays")]
    [InlineData("Form.PowerKw", "ninety", "Form.PowerKw")]
    [InlineData("Form.EngineType", "diesel\u0007", "Form.EngineType")]
    public async Task Second_circuit_fields_are_validated_next_to_the_field_and_nothing_is_saved_or_sent(string field, string value, string errorField)
    {
        var repairer = await factory.AddRepairerAsync("BE03100"
            + Math.Abs(HashCode.Combine(field, value) % 100000).ToString("00000", CultureInfo.InvariantCulture));
        var jobId = await factory.AddJobAsync(repairer, NextNumber(), "1VAL001");
        using var answer = await SendAsync(jobId, new Dictionary<string, string> { ["Form.Mileage"] = "1000", [field] = value });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = HtmlClient.Parse(await answer.Content.ReadAsStringAsync());
        Assert.NotNull(HtmlClient.FieldError(page, errorField));
        Assert.False(await factory.WithDbAsync(db => db.InformexJobFiles.AnyAsync(f => f.JobId == jobId)));
        Assert.DoesNotContain(factory.Platform.LogEntries, e => e.RequestMessage.AbsolutePath.Contains("/dossiers", StringComparison.Ordinal)
            && e.RequestMessage.Method == "POST"
            && e.RequestMessage.Body != null && e.RequestMessage.Body.Contains("1VAL001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mileage_is_required_to_send_unless_ticked_unknown_and_not_both()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000007");
        var number = NextNumber();
        var jobId = await factory.AddJobAsync(repairer, number, "1VAL002");
        factory.GivenDossier("BE0300000007", $"IFX-{number}");

        using var missing = await SendAsync(jobId, new Dictionary<string, string> { ["Form.Mileage"] = "" });
        Assert.Contains("Enter the mileage", HtmlClient.FieldError(HtmlClient.Parse(await missing.Content.ReadAsStringAsync()), "Form.Mileage"),
            StringComparison.Ordinal);
        using var both = await SendAsync(jobId, new Dictionary<string, string> { ["Form.Mileage"] = "1000", ["Form.MileageUnknown"] = "true" });
        Assert.Contains("empty when it is unknown", HtmlClient.FieldError(HtmlClient.Parse(await both.Content.ReadAsStringAsync()), "Form.Mileage"),
            StringComparison.Ordinal);

        // Saving without sending needs no mileage, and keeps every field.
        using (var saved = await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "#ifx-form", new Dictionary<string, string>
        {
            ["Form.Mileage"] = "", ["Form.PowerKw"] = "110", ["Form.CylinderCc"] = "1968", ["Form.Co2"] = "129", ["Form.EngineType"] = "Diesel",
            ["Form.ParticleFilter"] = "true", ["Form.BreakIn"] = "true", ["Form.Immobilised"] = "true", ["Form.RepairDays"] = "6",
                ["Form.ArrivalAtRepairer"] = "2026-11-20",
        }, button: "save"))
        {
            Assert.Contains("saved", await MessageAfterAsync(saved), StringComparison.Ordinal);
        }

        var file = await factory.WithDbAsync(db => db.InformexJobFiles.AsNoTracking().SingleAsync(f => f.JobId == jobId));
        Assert.Equal((110, 1968, 129, "Diesel", true, true, true, 6),
            (file.PowerKw, file.CylinderCc, file.Co2, file.EngineType, file.ParticleFilter, file.BreakIn, file.Immobilised, file.RepairDays));
        Assert.Equal(new DateOnly(2026, 11, 20), file.ArrivalAtRepairer);
        Assert.Null(file.DossierNumber);

        // Unknown mileage is sent as none.
        using var unknown = await SendAsync(jobId, new Dictionary<string, string> { ["Form.Mileage"] = "", ["Form.MileageUnknown"] = "true" });
        await MessageAfterAsync(unknown);
        var body = JsonDocument.Parse(factory.Requests(InformexFactory.Path("BE0300000007", "/dossiers"), "POST").Single().RequestMessage.Body!).RootElement;
        Assert.Equal(JsonValueKind.Null, body.GetProperty("mileage").ValueKind);
        Assert.Equal((110, true), (body.GetProperty("powerKw").GetInt32(), body.GetProperty("breakIn").GetBoolean()));
    }

    [Fact]
    public async Task The_linked_dossiers_estimate_loads_as_versions_beside_the_Claims360_ones()
    {
        var repairer = await factory.AddRepairerAsync("BE0300000008");
        var number = NextNumber();
        var jobId = await factory.AddJobAsync(repairer, number, "1EST001");
        var dossier = $"IFX-{number}";
        factory.GivenDossier("BE0300000008", dossier);
        await MessageAfterAsync(await SendAsync(jobId));
        var estimatePath = InformexFactory.Path("BE0300000008", $"/dossiers/{dossier}/estimate");
        var mapping = Guid.NewGuid();
        factory.Platform.Given(Request.Create().WithPath(estimatePath).UsingGet()).WithGuid(mapping).RespondWith(Response.Create().WithStatusCode(404));
        // A Claims360 estimate version 1 on the same job is another platform's, and stays.
        await factory.WithDbAsync(async db =>
        {
            db.Estimates.Add(new EstimateVersion { JobId = jobId, Platform = LogPlatform.Claims360, EstimateNumber = "C-1", Version = 1, TotalInclVat = 1,
                LoadedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });

        var page = await _browser.GetPageAsync($"/jobs/{jobId}/winformex");
        using (var first = await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "form[action$='/winformex/estimate']", new Dictionary<string, string>()))
        {
            var message = await MessageAfterAsync(first);
            Assert.True(message.Contains("no estimate", StringComparison.Ordinal), message);
        }

        // The expert has made the estimate: the same mapping now answers it.
        factory.Platform.Given(Request.Create().WithPath(estimatePath).UsingGet()).WithGuid(mapping)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"estimateNumber":"IFX-E-1","version":1,"currency":"EUR","labourHours":2,"totalExclVat":500,"vatAmount":105,"totalInclVat":605,
                 "updatedAt":"2026-11-20T10:00:00Z",
                 "lines":[{"lineNo":1,"kind":"part","code":"P1","description":"Door skin","quantity":1,"unitPrice":500,"amount":500}]}
                """));
        using (var loaded = await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "form[action$='/winformex/estimate']", new Dictionary<string, string>()))
        {
            Assert.Contains("version 1 loaded", await MessageAfterAsync(loaded), StringComparison.Ordinal);
        }

        using (var again = await _browser.SubmitAsync($"/jobs/{jobId}/winformex", "form[action$='/winformex/estimate']", new Dictionary<string, string>()))
        {
            var message = await MessageAfterAsync(again);
            Assert.True(message.Contains("not changed", StringComparison.Ordinal), message);
        }

        var versions = await factory.WithDbAsync(db => db.Estimates.Where(e => e.JobId == jobId).OrderBy(e => e.Platform)
            .Select(e => new { e.Platform, e.Version, e.EstimateNumber }).ToListAsync());
        Assert.Equal([(LogPlatform.Claims360, "C-1"), (LogPlatform.Informex, "IFX-E-1")], versions.Select(v => (v.Platform, v.EstimateNumber)));
        var shown = await _browser.GetPageAsync($"/jobs/{jobId}/winformex");
        Assert.Contains("605", shown.QuerySelector("[data-testid=ifx-total]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page);
    }

    [Theory]
    [InlineData("#ifx-form")]
    [InlineData("#ifx-link-form")]
    public async Task The_Winformex_forms_answer_hostile_input_with_a_message_or_the_value_never_an_error(string formSelector)
    {
        var repairer = await factory.AddRepairerAsync(formSelector == "#ifx-form" ? "BE0390000001" : "BE0390000002");
        var jobId = await factory.AddJobAsync(repairer, NextNumber(), "1BAD001");
        var url = $"/jobs/{jobId}/winformex";
        var page = await _browser.GetPageAsync(url);
        var fields = page.QuerySelector(formSelector)!.QuerySelectorAll("input, textarea")
            .Where(e => e.GetAttribute("type") is null or "text" or "number" or "date")
            .Select(e => e.GetAttribute("name")).OfType<string>().Distinct().ToList();
        Assert.True(fields.Count >= (formSelector == "#ifx-form" ? 9 : 1), string.Join(", ", fields));
        var tried = 0;
        foreach (var field in fields)
        {
            foreach (var value in Security.BadInputTests.TextCorpus.Concat(Security.BadInputTests.NumberCorpus).Concat(Security.BadInputTests.DateCorpus))
            {
                // "save" only: the corpus must not reach the platform.
                using var response = await _browser.SubmitAsync(url, formSelector, new Dictionary<string, string> { [field] = value },
                    button: formSelector == "#ifx-form" ? "save" : null);
                Assert.True((int)response.StatusCode < 500, $"{field}={value[..Math.Min(30, value.Length)]} answered {(int)response.StatusCode}");
                Assert.DoesNotContain("<script>alert('x')</script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                tried++;
            }
        }

        Assert.True(tried >= 20, $"only {tried} cases");
        Assert.DoesNotContain(factory.Platform.LogEntries, e => e.RequestMessage.AbsolutePath.StartsWith("/ifx/v1/mailboxes/BE039", StringComparison.Ordinal));
    }
}
