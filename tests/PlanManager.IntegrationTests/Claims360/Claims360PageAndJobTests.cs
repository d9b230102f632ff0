using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Claims360;

public sealed class Claims360PageAndJobTests(Claims360Factory factory) : IClassFixture<Claims360Factory>, IAsyncLifetime
{
    private readonly HtmlClient _browser = new(factory.CreateBrowserLikeClient());

    public Task InitializeAsync() => _browser.SignInAsync(DemoDataSeeder.StaffEmail);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Estimate(int version, decimal amount) => $$"""
        {"estimateNumber":"E-77","version":{{version}},"currency":"EUR","labourHours":3.5,
         "totalExclVat":{{amount + 100}},"vatAmount":21,"totalInclVat":{{amount + 121}},
         "updatedAt":"2026-03-0{{version}}T10:00:00Z","lines":[
          {"lineNo":1,"kind":"Part","code":"5G0","description":"Bumper","quantity":1,"unitPrice":{{amount}},"amount":{{amount}}},
          {"lineNo":2,"kind":"Labour","code":null,"description":"Paint","quantity":2,"unitPrice":50,"amount":100}]}
        """;

    private Task<int> NewRepairerAsync(string name, string? externalReference) => factory.WithDbAsync(async db =>
    {
        var repairer = new Repairer { Name = name, Country = "BE", ExternalReference = externalReference, CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        return repairer.Id;
    });

    [Fact]
    public async Task The_set_up_dialog_is_prefilled_refuses_one_key_alone_accepts_both_and_then_is_read_only_for_staff()
    {
        var repairer = await NewRepairerAsync("Carrosserie Setup Test", "BE0999000001");
        factory.GivenKeys("BE0999000001", "bk-secret", "pk-secret");
        var url = $"/claims360?repairer={repairer}";
        var page = await _browser.GetPageAsync(url);
        Assert.Equal("true", page.QuerySelector("#c360-setup-dialog")!.GetAttribute("data-pm-show"));
        Assert.Equal("BE0999000001", page.QuerySelector("#SetupForm_CarrosserieId")!.GetAttribute("value"));

        using var refused = await _browser.SubmitAsync(url, "#c360-setup-form", new Dictionary<string, string> { ["SetupForm.BodyshopKey"] = "only-one" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = HtmlClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("both API keys", HtmlClient.FieldError(again, "SetupForm.PlanManagerKey"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Claims360Setups.AnyAsync(s => s.RepairerId == repairer)));

        using var saved = await _browser.SubmitAsync(url, "#c360-setup-form",
            new Dictionary<string, string> { ["SetupForm.BodyshopKey"] = "bk-secret", ["SetupForm.PlanManagerKey"] = "pk-secret" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var setup = await factory.WithDbAsync(db => db.Claims360Setups.AsNoTracking().SingleAsync(s => s.RepairerId == repairer));
        Assert.Equal("BE0999000001", setup.CarrosserieId);
        Assert.DoesNotContain("bk-secret", setup.ProtectedBodyshopKey, StringComparison.Ordinal);

        var readOnly = await _browser.GetPageAsync(url);
        Assert.Null(readOnly.QuerySelector("#c360-setup-form"));
        var shown = readOnly.QuerySelector("[data-testid=c360-setup]")!.TextContent;
        Assert.Contains("BE0999000001", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", shown, StringComparison.Ordinal);

        // Staff posting a set-up again do not change it.
        var token = HtmlClient.Token(page, "#c360-setup-form");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["SetupForm.RepairerId"] = repairer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SetupForm.CarrosserieId"] = "BE0999000002", ["SetupForm.BodyshopKey"] = "x", ["SetupForm.PlanManagerKey"] = "y",
        });
        using var overwrite = await _browser.Http.PostAsync(new Uri("/claims360/setup", UriKind.Relative), content);
        Assert.Equal("BE0999000001",
            await factory.WithDbAsync(db => db.Claims360Setups.Where(s => s.RepairerId == repairer).Select(s => s.CarrosserieId).SingleAsync()));
    }

    [Fact]
    public async Task Support_can_correct_a_set_up_on_the_administration_page_and_staff_cannot_open_it()
    {
        var repairer = await NewRepairerAsync("Carrosserie Support Test", null);
        factory.GivenKeys("BE0999000003", "b", "p");
        var staffAnswer = await _browser.Http.GetAsync(new Uri($"/administration/claims360/{repairer}", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, staffAnswer.StatusCode);

        var support = new HtmlClient(factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        using var saved = await support.SubmitAsync($"/administration/claims360/{repairer}", "#c360-admin-form", new Dictionary<string, string>
        {
            ["CarrosserieId"] = "BE0999000003", ["BodyshopKey"] = "b", ["PlanManagerKey"] = "p",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("BE0999000003",
            await factory.WithDbAsync(db => db.Claims360Setups.Where(s => s.RepairerId == repairer).Select(s => s.CarrosserieId).SingleAsync()));
    }

    [Fact]
    public async Task Export_then_export_again_gives_one_dossier_and_then_sends_data_instead()
    {
        var repairer = await factory.AddBodyshopAsync("BE0200000001");
        var jobId = await factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(91001).Repairer(repairer).Plate("1XPT001").With(d => d with { MileageAtEstimate = 12345 }).Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        var dossiers = Claims360Factory.Path("BE0200000001", "/dossiers");
        factory.Platform.Given(Request.Create().WithPath(dossiers).UsingPost()).InScenario("export").WillSetStateTo("exists")
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("{\"dossierId\":\"D-91001\"}"));
        factory.Platform.Given(Request.Create().WithPath(dossiers).UsingPost()).InScenario("export").WhenStateIs("exists")
            .RespondWith(Response.Create().WithStatusCode(409).WithHeader("Content-Type", "application/json").WithBody("{\"dossierId\":\"D-91001\"}"));
        factory.Platform.Given(Request.Create().WithPath(dossiers + "/D-91001").UsingPut()).RespondWith(Response.Create().WithStatusCode(200));

        // Two presses before the page reloads: both post the export form.
        var page = await _browser.GetPageAsync($"/jobs/{jobId}");
        var token = HtmlClient.Token(page, "#c360-export-form");
        for (var i = 0; i < 2; i++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            using var answer = await _browser.Http.PostAsync(new Uri($"/jobs/{jobId}/claims360/export", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        // One dossier was created (a client retry after a slow answer would get 409 and the same id), and the second press sent data instead.
        Assert.Equal(1, factory.Platform.LogEntries.Count(e => e.RequestMessage.AbsolutePath == dossiers && e.RequestMessage.Method == "POST"
            && e.ResponseMessage.StatusCode is 201));
        Assert.Equal(1, factory.RequestsTo(dossiers + "/D-91001"));
        var link = await factory.WithDbAsync(db => db.Claims360JobLinks.AsNoTracking().SingleAsync(l => l.JobId == jobId));
        Assert.Equal("D-91001", link.DossierId);
        var body = System.Text.Json.JsonDocument.Parse(
            factory.Platform.LogEntries.First(e => e.RequestMessage.AbsolutePath == dossiers).RequestMessage.Body!).RootElement;
        Assert.Equal(("1XPT001", 12345), (body.GetProperty("licensePlate").GetString(), body.GetProperty("mileage").GetInt32()));

        // With no stored link (as after a lost answer), the platform's 409 still gives the one dossier.
        await factory.WithDbAsync(db => db.Claims360JobLinks.Where(l => l.JobId == jobId).ExecuteDeleteAsync());
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            using var answer = await _browser.Http.PostAsync(new Uri($"/jobs/{jobId}/claims360/export", UriKind.Relative), content);
        }

        Assert.Equal("D-91001", await factory.WithDbAsync(db => db.Claims360JobLinks.Where(l => l.JobId == jobId).Select(l => l.DossierId).SingleAsync()));
        var tab = await _browser.GetPageAsync($"/jobs/{jobId}");
        Assert.NotNull(tab.QuerySelector("#c360-sync-form"));
        Assert.Null(tab.QuerySelector("#c360-export-form"));
    }

    [Fact]
    public async Task Synchronising_stores_a_new_estimate_version_only_when_the_platform_version_changed()
    {
        var repairer = await factory.AddBodyshopAsync("BE0200000002");
        var jobId = await factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(91002).Repairer(repairer).Plate("1XPT002").Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            db.Claims360JobLinks.Add(new Claims360JobLink { JobId = job.Id, CarrosserieId = "BE0200000002", DossierId = "D-E",
                LinkedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return job.Id;
        });
        var estimate = Claims360Factory.Path("BE0200000002", "/dossiers/D-E/estimate");
        var mapping = Guid.NewGuid();
        void Answer(int version, decimal amount)
        {
            // The same mapping id: the platform now answers the newer version.
            factory.Platform.Given(Request.Create().WithPath(estimate).UsingGet()).WithGuid(mapping)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Estimate(version, amount)));
        }

        var page = await _browser.GetPageAsync($"/jobs/{jobId}");
        var token = HtmlClient.Token(page, "#c360-sync-form");
        async Task SyncAsync()
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            using var answer = await _browser.Http.PostAsync(new Uri($"/jobs/{jobId}/claims360/synchronise", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        Answer(1, 400m);
        await SyncAsync();
        await SyncAsync();
        Assert.Equal([1], await factory.WithDbAsync(db => db.Estimates.Where(e => e.JobId == jobId).Select(e => e.Version).ToListAsync()));

        Answer(2, 450m);
        await SyncAsync();
        Assert.Equal([1, 2], await factory.WithDbAsync(db => db.Estimates.Where(e => e.JobId == jobId).OrderBy(e => e.Version).Select(e => e.Version)
            .ToListAsync()));

        var compared = await _browser.GetPageAsync($"/jobs/{jobId}?c360compare=1");
        var rows = compared.QuerySelectorAll("[data-testid=c360-estimate] tbody tr");
        Assert.Equal(["true", "false"], rows.Select(r => r.GetAttribute("data-changed")));
        Assert.Contains("571", compared.QuerySelector("[data-testid=c360-total]")!.TextContent, StringComparison.Ordinal);
    }
}
