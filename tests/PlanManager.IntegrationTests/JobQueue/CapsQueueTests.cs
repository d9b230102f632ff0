using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.JobQueue;

/// <summary>Q1 with WireMock.Net as CAPS: import on opening, accept, deny with a required reason, refusals.</summary>
public sealed class CapsQueueTests : IClassFixture<CapsQueueFactory>, IAsyncLifetime
{
    private readonly CapsWireMockFactory _factory;
    private readonly HtmlClient _browser;

    public CapsQueueTests(CapsQueueFactory factory)
    {
        _factory = factory;
        _browser = new HtmlClient(factory.CreateBrowserLikeClient());
    }

    public async Task InitializeAsync()
    {
        _factory.Platforms.Reset();
        await _factory.WithDbAsync(db => db.QueueItems.ExecuteDeleteAsync());
        await _browser.SignInAsync(DemoDataSeeder.StaffEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Offer(string id, string claim, string plate, string code = "AVIVA01", string customer = "Sarah Thompson") => $$"""
        {"offerId":"{{id}}","claimNumber":"{{claim}}","insurerCapsCode":"{{code}}","insurerName":"Insurer {{code}}","registration":"{{plate}}",
        "make":"BMW","model":"3-SERIES","vin":"WBA00000000000001","customerName":"{{customer}}","customerPhone":"07700 900123","customerEmail":null,
        "lossDate":"2026-11-02","damageDescription":"Rear bumper","offeredAt":"2026-11-20T09:00:00Z","expiresAt":"2026-11-25T09:00:00Z"}
        """;

    private void OffersAre(params string[] offers) =>
        _factory.Platforms.Given(Request.Create().WithPath("/caps/v1/offers").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"offers\":[" + string.Join(",", offers) + "]}").WithDelay(TimeSpan.FromMilliseconds(200)));

    private void Decisions(int status) =>
        _factory.Platforms.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/caps/v1/offers/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status));

    private int PostsTo(string pathEnd) =>
        _factory.Platforms.LogEntries.Count(e => e.RequestMessage.Method == "POST"
            && e.RequestMessage.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal));

    private Task<int> ItemIdAsync(string offerId) =>
        _factory.WithDbAsync(db => db.QueueItems.Where(q => q.ExternalId == offerId).Select(q => q.Id).SingleAsync());

    private async Task<HttpResponseMessage> DenyAsync(int itemId, string reason)
    {
        var page = await _browser.GetPageAsync("/job-queue/caps");
        var token = HtmlClient.Token(page, "form[action$='/accept']");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = reason });
        return await _browser.Http.PostAsync($"/job-queue/caps/{itemId}/deny", content);
    }

    /// <summary>The menu's count of waiting CAPS offers, as a page that does not import them shows it.</summary>
    private async Task<string> MenuCountAsync() =>
        (await _browser.GetPageAsync("/jobs")).QuerySelector("[data-testid=queue-count-caps]")!.TextContent.Trim();

    [Fact]
    public async Task Offers_are_imported_once_even_when_the_page_is_opened_twice_at_once()
    {
        OffersAre(Offer("OF-A1", "CLM-A1", "AB12 CDE"), Offer("OF-A2", "CLM-A2", "XY34 ZZZ"));
        var colleague = new HtmlClient(_factory.CreateBrowserLikeClient());
        await colleague.SignInAsync(DemoDataSeeder.SupportEmail);

        var pages = await Task.WhenAll(_browser.GetPageAsync("/job-queue/caps"), colleague.GetPageAsync("/job-queue/caps"),
            _browser.GetPageAsync("/job-queue/caps"));

        Assert.Equal(2, await _factory.WithDbAsync(db => db.QueueItems.CountAsync(q => q.Platform == ConnectorKind.Caps)));
        var again = await _browser.GetPageAsync("/job-queue/caps");
        Assert.Equal(["CLM-A1", "CLM-A2"], again.QuerySelectorAll("[data-testid=queue-row]").Select(r => r.GetAttribute("data-claim")!).Order());
        Assert.All(pages, p => Assert.Equal(2, p.QuerySelectorAll("[data-testid=queue-row]").Length));
        Assert.Equal("2", again.QuerySelector("[data-testid=queue-count-caps]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Accept_creates_the_job_with_the_matched_insurer_tells_caps_the_job_number_and_opens_the_job()
    {
        OffersAre(Offer("OF-B1", "CLM-B1", "BB12 CDE", customer: "Owen Accept"));
        Decisions(200);
        var aviva = await _factory.CapsInsurerIdAsync();
        await _browser.GetPageAsync("/job-queue/caps");
        var itemId = await ItemIdAsync("OF-B1");
        var waitingBefore = await MenuCountAsync();

        using var response = await _browser.SubmitAsync("/job-queue/caps", $"form[action='/job-queue/caps/{itemId}/accept']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The menu's counts are kept a few seconds (decision 0020), but not past the user's own decision.
        Assert.Equal(("1", "0"), (waitingBefore, await MenuCountAsync()));
        var job = await _factory.WithDbAsync(db => db.Jobs.Include(j => j.Owner).SingleAsync(j => j.ClaimNumber == "CLM-B1"));
        Assert.Equal($"/jobs/{job.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal((JobSource.Caps, aviva, "BB12 CDE", "BMW", "Owen Accept"),
            (job.Source, job.InsurerId!.Value, job.Registration, job.Make, job.Owner!.Name));
        var accept = Assert.Single(_factory.Platforms.LogEntries, e => e.RequestMessage.AbsolutePath == "/caps/v1/offers/OF-B1/accept");
        Assert.Contains($"\"jobNumber\":\"{job.Number}\"", accept.RequestMessage.Body, StringComparison.Ordinal);
        var item = await _factory.WithDbAsync(db => db.QueueItems.SingleAsync(q => q.Id == itemId));
        Assert.Equal((QueueItemStatus.Accepted, job.Id, DemoDataSeeder.StaffEmail), (item.Status, item.JobId, item.DecidedBy));
        var decided = await _browser.GetPageAsync("/job-queue/caps/decided");
        Assert.Contains("Accepted", decided.QuerySelector("[data-claim='CLM-B1']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_caps_code_creates_the_insurer_with_that_code()
    {
        OffersAre(Offer("OF-C1", "CLM-C1", "CC12 CDE", code: "NEWINS9"));
        Decisions(200);
        await _browser.GetPageAsync("/job-queue/caps");
        var itemId = await ItemIdAsync("OF-C1");

        using var response = await _browser.SubmitAsync("/job-queue/caps", $"form[action='/job-queue/caps/{itemId}/accept']", new Dictionary<string, string>());

        var insurer = await _factory.WithDbAsync(db => db.Jobs.Where(j => j.ClaimNumber == "CLM-C1").Select(j => j.Insurer!).SingleAsync());
        Assert.Equal((ThirdPartyKind.Insurer, "NEWINS9", "Insurer NEWINS9"), (insurer.Kind, insurer.CapsCode, insurer.Name));
    }

    [Fact]
    public async Task Deny_sends_the_reason_to_caps_and_the_decided_view_shows_who_and_why()
    {
        OffersAre(Offer("OF-D1", "CLM-D1", "DD12 CDE"));
        Decisions(200);
        await _browser.GetPageAsync("/job-queue/caps");
        var itemId = await ItemIdAsync("OF-D1");
        var waitingBefore = await MenuCountAsync();

        using var response = await DenyAsync(itemId, "  No courtesy car available  ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("1", "0"), (waitingBefore, await MenuCountAsync()));
        var decline = Assert.Single(_factory.Platforms.LogEntries, e => e.RequestMessage.AbsolutePath == "/caps/v1/offers/OF-D1/decline");
        Assert.Contains("\"reason\":\"No courtesy car available\"", decline.RequestMessage.Body, StringComparison.Ordinal);
        var page = await _browser.GetPageAsync("/job-queue/caps");
        Assert.Null(page.QuerySelector("[data-claim='CLM-D1']"));
        var decided = (await _browser.GetPageAsync("/job-queue/caps/decided")).QuerySelector("[data-claim='CLM-D1']")!.TextContent;
        Assert.Contains("Denied", decided, StringComparison.Ordinal);
        Assert.Contains(DemoDataSeeder.StaffEmail, decided, StringComparison.Ordinal);
        Assert.Contains("No courtesy car available", decided, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.ClaimNumber == "CLM-D1")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Deny_without_a_reason_is_refused_and_nothing_is_sent(string reason)
    {
        OffersAre(Offer("OF-E1", "CLM-E1", "EE12 CDE"));
        Decisions(200);
        await _browser.GetPageAsync("/job-queue/caps");
        var itemId = await ItemIdAsync("OF-E1");

        using var response = await DenyAsync(itemId, reason);

        Assert.Equal(0, PostsTo("/decline"));
        Assert.Equal(QueueItemStatus.Waiting, await _factory.WithDbAsync(db => db.QueueItems.Where(q => q.Id == itemId).Select(q => q.Status).SingleAsync()));
        var page = await _browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("A reason is required.", page.QuerySelector(".alert-danger")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-claim='CLM-E1']"));
    }

    [Fact]
    public async Task An_offer_caps_already_decided_is_explained_and_leaves_the_queue_without_a_job()
    {
        OffersAre(Offer("OF-F1", "CLM-F1", "FF12 CDE"));
        Decisions(409);
        await _browser.GetPageAsync("/job-queue/caps");
        var itemId = await ItemIdAsync("OF-F1");
        var jobsBefore = await _factory.WithDbAsync(db => db.Jobs.CountAsync());

        using var response = await _browser.SubmitAsync("/job-queue/caps", $"form[action='/job-queue/caps/{itemId}/accept']", new Dictionary<string, string>());

        var page = await _browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("already accepted or denied", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(jobsBefore, await _factory.WithDbAsync(db => db.Jobs.CountAsync()));
        Assert.Equal(QueueItemStatus.DecidedElsewhere,
            await _factory.WithDbAsync(db => db.QueueItems.Where(q => q.Id == itemId).Select(q => q.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_caps_server_error_after_retries_keeps_the_offer_waiting_and_rolls_the_job_back()
    {
        OffersAre(Offer("OF-G1", "CLM-G1", "GG12 CDE"));
        Decisions(503);
        await _browser.GetPageAsync("/job-queue/caps");
        var itemId = await ItemIdAsync("OF-G1");
        var numberBefore = await _factory.WithDbAsync(db => JobNumber(db));

        using var response = await _browser.SubmitAsync("/job-queue/caps", $"form[action='/job-queue/caps/{itemId}/accept']", new Dictionary<string, string>());

        Assert.Equal(2, PostsTo("/OF-G1/accept"));
        var page = await _browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("did not take the decision (platform error)", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-claim='CLM-G1']"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.ClaimNumber == "CLM-G1")));
        Assert.Equal(numberBefore, await _factory.WithDbAsync(db => JobNumber(db)));
    }

    [Fact]
    public async Task The_job_queue_menu_lists_only_connectors_that_are_on()
    {
        OffersAre();
        await _factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.AudatexUk)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, false)));
        try
        {
            var page = await _browser.GetPageAsync("/jobs");
            Assert.NotNull(page.QuerySelector("a[href='/job-queue/caps']"));
            Assert.Null(page.QuerySelector("a[href='/job-queue/audatex-uk']"));
        }
        finally
        {
            await _factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.AudatexUk)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, true)));
        }
    }

    private void AudatexClaimsAre(params (string Id, string Claim)[] claims) =>
        _factory.Platforms.Given(Request.Create().WithPath("/audatex/v1/claims").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                "{\"claims\":[" + string.Join(",", claims.Select(c => $$"""
                {"claimId":"{{c.Id}}","claimNumber":"{{c.Claim}}","insurerName":"Direct Line","registration":"AU12 DEX","make":"Ford","model":"Focus",
                "customerName":"Amy Audatex","customerPhone":null,"incidentDate":"2026-11-01","notifiedAt":"2026-11-20T09:00:00Z"}
                """)) + "]}"));

    [Fact]
    public async Task Audatex_claims_are_accepted_as_jobs_and_rejected_with_the_required_reason()
    {
        AudatexClaimsAre(("AX-1", "DL-1"), ("AX-2", "DL-2"));
        _factory.Platforms.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/audatex/v1/claims/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200));
        var page = await _browser.GetPageAsync("/job-queue/audatex-uk");
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=queue-row]").Length);
        var accept = await _factory.WithDbAsync(db => db.QueueItems.Where(q => q.ExternalId == "AX-1").Select(q => q.Id).SingleAsync());
        var reject = await _factory.WithDbAsync(db => db.QueueItems.Where(q => q.ExternalId == "AX-2").Select(q => q.Id).SingleAsync());

        using (var accepted = await _browser.SubmitAsync("/job-queue/audatex-uk", $"form[action='/job-queue/audatex-uk/{accept}/accept']",
            new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var token = HtmlClient.Token(await _browser.GetPageAsync("/job-queue/audatex-uk"), "form[action$='/accept']");
        using (var blank = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = " " }))
        {
            (await _browser.Http.PostAsync($"/job-queue/audatex-uk/{reject}/deny", blank)).Dispose();
        }

        Assert.Equal(0, PostsTo("/AX-2/reject"));

        // A reason too long for the platform is refused and said, never cut.
        var longReason = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = new string('x', 620) };
        using (var tooLong = new FormUrlEncodedContent(longReason))
        {
            using var refused = await _browser.Http.PostAsync($"/job-queue/audatex-uk/{reject}/deny", tooLong);
            var shown = await _browser.GetPageAsync(refused.Headers.Location!.OriginalString);
            Assert.Contains("620 characters long; at most 500", shown.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(0, PostsTo("/AX-2/reject"));
        using (var reason = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "Out of area" }))
        {
            (await _browser.Http.PostAsync($"/job-queue/audatex-uk/{reject}/deny", reason)).Dispose();
        }

        var job = await _factory.WithDbAsync(db => db.Jobs.Include(j => j.Insurer).SingleAsync(j => j.ClaimNumber == "DL-1"));
        Assert.Equal((JobSource.AudatexUk, "Direct Line"), (job.Source, job.Insurer!.Name));
        Assert.Contains($"\"jobNumber\":\"{job.Number}\"",
            Assert.Single(_factory.Platforms.LogEntries, e => e.RequestMessage.AbsolutePath == "/audatex/v1/claims/AX-1/accept").RequestMessage.Body,
            StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"Out of area\"",
            Assert.Single(_factory.Platforms.LogEntries, e => e.RequestMessage.AbsolutePath == "/audatex/v1/claims/AX-2/reject").RequestMessage.Body,
            StringComparison.Ordinal);
        Assert.Equal(QueueItemStatus.Declined, await _factory.WithDbAsync(db => db.QueueItems.Where(q => q.Id == reject).Select(q => q.Status).SingleAsync()));
    }

    [Fact]
    public async Task While_CAPS_is_switched_off_its_waiting_offers_are_shown_read_only_without_accept_or_deny()
    {
        await _factory.WithDbAsync(db =>
        {
            db.QueueItems.Add(new QueueItem
            {
                Platform = ConnectorKind.Caps, ExternalId = "OFF-1", ClaimNumber = "CL-OFF-1", Registration = "OFF 1", OfferedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        await SwitchCapsAsync(false);
        try
        {
            var page = await _browser.GetPageAsync("/job-queue/caps");

            Assert.NotNull(page.QuerySelector("[data-testid=queue-off]"));
            var row = Assert.Single(page.QuerySelectorAll("[data-testid=queue-row]"));
            Assert.Contains("CL-OFF-1", row.TextContent, StringComparison.Ordinal);
            Assert.NotNull(row.QuerySelector("[data-testid=queue-read-only]"));
            Assert.Empty(row.QuerySelectorAll("button, form"));
            Assert.Null(page.QuerySelector("#deny-dialog"));
        }
        finally
        {
            await SwitchCapsAsync(true);
        }
    }

    private Task<int> SwitchCapsAsync(bool on) => _factory.WithDbAsync(db =>
        db.ConnectorSettings.Where(c => c.Kind == ConnectorKind.Caps).ExecuteUpdateAsync(u => u.SetProperty(c => c.Enabled, on)));

    /// <summary>The last job number taken (the counter row of the jobs, beside the report totals' row).</summary>
    private static Task<int> JobNumber(PlanManager.Web.Data.PlanManagerDbContext db) =>
        db.JobNumberCounters.Where(c => c.Name == JobNumberCounter.JobsName).Select(c => c.LastValue).SingleAsync();
}
