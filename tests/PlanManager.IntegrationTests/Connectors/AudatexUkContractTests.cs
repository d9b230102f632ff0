using System.Text.Json;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Connectors;

/// <summary>contracts/audatex-uk.yaml</summary>
public sealed class AudatexUkContractTests() : ContractTestBase(ConnectorPlatform.AudatexUk,
    new Dictionary<string, string> { ["Authorization"] = "Bearer tok-3" })
{
    [Fact]
    public async Task Get_claims_asks_for_new_ones_with_the_bearer_token()
    {
        Server.Given(Request.Create().WithPath("/api/v1/claims").WithParam("status", "new").UsingGet().WithHeader("Authorization", "Bearer tok-3"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"claims":[{"claimId":"AX-1","claimNumber":"AXC1","insurerName":"Aviva","registration":"YA22 LFL","make":"Ford","model":"Focus",
                "customerName":"Tom Hughes","customerPhone":null,"incidentDate":"2026-11-10","notifiedAt":"2026-11-21T08:30:00Z"}]}
                """));

        var result = await Run(ct => Client<IAudatexUkApi>().GetClaimsAsync("new", ct));

        var claim = Assert.Single(result.Value!.Claims);
        Assert.Equal(("AX-1", "YA22 LFL", new DateOnly(2026, 11, 10)), (claim.ClaimId, claim.Registration, claim.IncidentDate));
    }

    [Fact]
    public async Task Accept_and_reject_post_their_bodies()
    {
        Server.Given(Request.Create().WithPath("/api/v1/claims/AX-1/accept").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        Server.Given(Request.Create().WithPath("/api/v1/claims/AX-2/reject").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));

        Assert.True((await Run(ct => Client<IAudatexUkApi>().AcceptClaimAsync("AX-1", new AudatexAcceptRequest("615"), ct))).Succeeded);
        Assert.True((await Run(ct => Client<IAudatexUkApi>().RejectClaimAsync("AX-2", new AudatexRejectRequest("No capacity"), ct))).Succeeded);

        var bodies = Server.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement).ToList();
        Assert.Equal("615", bodies[0].GetProperty("jobNumber").GetString());
        Assert.Equal("No capacity", bodies[1].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(401, ConnectorOutcome.Unauthorized)]
    [InlineData(400, ConnectorOutcome.Invalid)]
    [InlineData(409, ConnectorOutcome.Conflict)]
    [InlineData(503, ConnectorOutcome.ServerError)]
    public async Task Each_refusal_ends_as_a_clear_result(int status, ConnectorOutcome expected)
    {
        Server.Given(Request.Create().WithPath("/api/v1/claims/AX-1/reject").UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

        var result = await Run(ct => Client<IAudatexUkApi>().RejectClaimAsync("AX-1", new AudatexRejectRequest("x"), ct));

        Assert.Equal(expected, result.Outcome);
    }
}
