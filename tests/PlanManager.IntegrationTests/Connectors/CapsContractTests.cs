using System.Text.Json;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Connectors;

/// <summary>contracts/caps.yaml, operation by operation, and how every failure ends.</summary>
public sealed class CapsContractTests() : ContractTestBase(ConnectorPlatform.Caps,
    new Dictionary<string, string> { ["X-Caps-Api-Key"] = "key-1", ["X-Caps-Site"] = "SITE-9" }, attemptTimeout: "00:00:03")
{
    private const string Offer = """
        {"offers":[{"offerId":"OF-1","claimNumber":"CLM-1","insurerCapsCode":"AVIVA01","insurerName":"Aviva","registration":"AB12 CDE",
        "make":"BMW","model":"3-SERIES","vin":null,"customerName":"Sarah Thompson","customerPhone":"07700 900123","customerEmail":null,
        "lossDate":"2026-11-02","damageDescription":"Rear bumper","offeredAt":"2026-11-20T09:00:00Z","expiresAt":"2026-11-25T09:00:00Z"}]}
        """;

    [Fact]
    public async Task Get_offers_sends_both_credential_headers_and_reads_every_field()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet().WithHeader("X-Caps-Api-Key", "key-1").WithHeader("X-Caps-Site", "SITE-9"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Offer));

        var result = await Run(ct => Client<ICapsApi>().GetOffersAsync(ct));

        Assert.True(result.Succeeded, result.Detail);
        var offer = Assert.Single(result.Value!.Offers);
        Assert.Equal("OF-1", offer.OfferId);
        Assert.Equal("AVIVA01", offer.InsurerCapsCode);
        Assert.Equal("AB12 CDE", offer.Registration);
        Assert.Equal(new DateOnly(2026, 11, 2), offer.LossDate);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), offer.OfferedAt);
        Assert.Null(offer.Vin);
    }

    [Fact]
    public async Task Accept_posts_the_job_number()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers/OF-1/accept").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));

        var result = await Run(ct => Client<ICapsApi>().AcceptOfferAsync("OF-1", new CapsAcceptRequest("614"), ct));

        Assert.True(result.Succeeded);
        var body = JsonDocument.Parse(Server.LogEntries.Single().RequestMessage.Body!).RootElement;
        Assert.Equal("614", body.GetProperty("jobNumber").GetString());
    }

    [Fact]
    public async Task Decline_posts_the_reason_and_a_decided_offer_ends_as_conflict()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers/OF-1/decline").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(409).WithBody("{\"title\":\"Offer already accepted or declined\"}"));

        var result = await Run(ct => Client<ICapsApi>().DeclineOfferAsync("OF-1", new CapsDeclineRequest("Outside our area"), ct));

        Assert.Equal(ConnectorOutcome.Conflict, result.Outcome);
        Assert.Equal(409, result.StatusCode);
        Assert.Contains("already", result.Content, StringComparison.Ordinal);
        Assert.Equal("Outside our area", JsonDocument.Parse(Server.LogEntries.Single().RequestMessage.Body!).RootElement.GetProperty("reason").GetString());
        Assert.Equal(1, RequestsTo("/decline"));
    }

    [Fact]
    public async Task Put_job_sends_the_sync_body_and_reads_the_caps_id()
    {
        Server.Given(Request.Create().WithPath("/api/v1/jobs/614").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"capsJobId\":\"C-77\",\"receivedAt\":\"2026-11-23T10:00:00Z\"}"));
        var job = new CapsJobSync("614", "AVIVA01", null, null, "CLM-1", "AB12 CDE", "BMW", "3-SERIES", "InRepair", true, new DateOnly(2026, 12, 1), null);

        var result = await Run(ct => Client<ICapsApi>().PutJobAsync("614", job, ct));

        Assert.Equal("C-77", result.Value!.CapsJobId);
        var body = JsonDocument.Parse(Server.LogEntries.Single().RequestMessage.Body!).RootElement;
        Assert.Equal("AVIVA01", body.GetProperty("insurerCapsCode").GetString());
        Assert.Equal("2026-12-01", body.GetProperty("estimatedCompletionDate").GetString());
        Assert.True(body.GetProperty("vehicleIn").GetBoolean());
    }

    [Fact]
    public async Task A_500_is_retried_and_the_second_answer_counts()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(500));
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Offer));

        var result = await Run(ct => Client<ICapsApi>().GetOffersAsync(ct));

        Assert.True(result.Succeeded);
        Assert.Equal(2, RequestsTo("/v1/offers"));
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_then_succeeds()
    {
        Server.Given(Request.Create().WithPath("/api/v1/jobs/7").UsingPut()).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        Server.Given(Request.Create().WithPath("/api/v1/jobs/7").UsingPut()).InScenario("busy").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"capsJobId\":\"C-7\"}"));
        var started = DateTimeOffset.UtcNow;

        var result = await Run(ct => Client<ICapsApi>()
            .PutJobAsync("7", new CapsJobSync("7", "A", null, null, "C", "R", "M", null, null, false, null, null), ct));

        Assert.True(result.Succeeded);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry came before Retry-After");
    }

    [Fact]
    public async Task Persistent_429_ends_as_rate_limited_with_the_wait_time()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet()).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));

        var result = await Run(ct => Client<ICapsApi>().GetOffersAsync(ct));

        Assert.Equal(ConnectorOutcome.RateLimited, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), result.RetryAfter);
        Assert.True(result.IsTransient);
        Assert.Equal(3, RequestsTo("/v1/offers"));
    }

    [Fact]
    public async Task A_401_is_not_retried_and_says_the_credentials_were_refused()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet()).RespondWith(Response.Create().WithStatusCode(401));

        var result = await Run(ct => Client<ICapsApi>().GetOffersAsync(ct));

        Assert.Equal(ConnectorOutcome.Unauthorized, result.Outcome);
        Assert.Equal(1, RequestsTo("/v1/offers"));
    }

    [Fact]
    public async Task An_unknown_offer_ends_as_not_found()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers/NOPE/accept").UsingPost()).RespondWith(Response.Create().WithStatusCode(404));

        var result = await Run(ct => Client<ICapsApi>().AcceptOfferAsync("NOPE", new CapsAcceptRequest("1"), ct));

        Assert.Equal(ConnectorOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task A_400_problem_is_invalid_and_keeps_the_body_for_the_user()
    {
        Server.Given(Request.Create().WithPath("/api/v1/jobs/8").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"title\":\"validation failed\",\"errors\":{\"make\":[\"required\"]}}"));

        var result = await Run(ct => Client<ICapsApi>()
            .PutJobAsync("8", new CapsJobSync("8", "A", null, null, "C", "R", "", null, null, false, null, null), ct));

        Assert.Equal(ConnectorOutcome.Invalid, result.Outcome);
        Assert.Contains("make", result.Content, StringComparison.Ordinal);
        Assert.Equal(1, RequestsTo("/v1/jobs/8"));
    }

    [Fact]
    public async Task Malformed_json_ends_as_malformed_not_as_an_exception()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"offers\": [ {\"offerId\": "));

        var result = await Run(ct => Client<ICapsApi>().GetOffersAsync(ct));

        Assert.Equal(ConnectorOutcome.Malformed, result.Outcome);
    }

    [Fact]
    public async Task A_platform_that_never_answers_ends_as_timeout_after_the_retries()
    {
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(10)).WithBody("{\"offers\":[]}"));

        var result = await Run(ct => Client<ICapsApi>().GetOffersAsync(ct));

        Assert.Equal(ConnectorOutcome.Timeout, result.Outcome);
        Assert.True(result.IsTransient);
    }

    [Fact]
    public async Task A_connector_that_is_off_is_never_called()
    {
        Credentials.Headers = null;
        Server.Given(Request.Create().WithPath("/api/v1/offers").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"offers\":[]}"));

        var result = await Run(ct => Client<ICapsApi>().GetOffersAsync(ct));

        Assert.Equal(ConnectorOutcome.Disabled, result.Outcome);
        Assert.Empty(Server.LogEntries);
    }
}
