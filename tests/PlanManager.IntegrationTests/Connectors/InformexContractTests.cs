using System.Text.Json;
using PlanManager.Connectors.Common;
using PlanManager.Connectors.Informex;
using Refit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Connectors;

/// <summary>contracts/informex.yaml</summary>
public sealed class InformexContractTests() : ContractTestBase(ConnectorPlatform.Informex, new Dictionary<string, string> { ["X-Informex-Api-Key"] = "ifx" })
{
    private const string Base = "/api/v1/mailboxes/BE0456123789";

    private static Response Json(int status, string body) => (Response)Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
        .WithBody(body);

    [Fact]
    public async Task Transmissions_are_read_with_the_api_key()
    {
        Server.Given(Request.Create().WithPath(Base + "/transmissions").UsingGet().WithHeader("X-Informex-Api-Key", "ifx"))
            .RespondWith(Json(200, """
                {"transmissions":[{"assignmentNumber":"D21-004512","insurerName":"Ethias","claimNumber":"9/1","licensePlate":"1ABC234",
                "vin":null,"make":"VW","model":"Polo","customerName":"Sofie Maes","receivedAt":"2026-11-20T07:00:00Z"}]}
                """));

        var result = await Run(ct => Client<IInformexApi>().GetTransmissionsAsync("BE0456123789", null, ct));

        Assert.Equal("D21-004512", result.Value!.Transmissions.Single().AssignmentNumber);
    }

    [Fact]
    public async Task Creating_a_dossier_twice_gives_the_existing_number_not_a_second_dossier()
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers").UsingPost()).InScenario("d").WillSetStateTo("exists")
            .RespondWith(Json(201, "{\"dossierNumber\":\"IFX-1\"}"));
        Server.Given(Request.Create().WithPath(Base + "/dossiers").UsingPost()).InScenario("d").WhenStateIs("exists")
            .RespondWith(Json(409, "{\"dossierNumber\":\"IFX-1\"}"));
        var request = new InformexDossierRequest("614", "1ABC234", "WVWZZZ1KZ6W000001", "VW", "Golf", new DateOnly(2019, 3, 1), 45210, 110, 1498, 128, "Petrol",
            true, false, false, "Jan Peeters", "Ethias", "9/1");

        var first = await Run(ct => Client<IInformexApi>().CreateDossierAsync("BE0456123789", request, ct));
        var second = await Run(ct => Client<IInformexApi>().CreateDossierAsync("BE0456123789", request, ct));

        Assert.Equal("IFX-1", first.Value!.DossierNumber);
        Assert.Equal(ConnectorOutcome.Conflict, second.Outcome);
        Assert.Contains("IFX-1", second.Content, StringComparison.Ordinal);
        var body = JsonDocument.Parse(Server.LogEntries[0].RequestMessage.Body!).RootElement;
        Assert.Equal(("2019-03-01", 110, false),
            (body.GetProperty("firstRegistration").GetString(), body.GetProperty("powerKw").GetInt32(), body.GetProperty("breakIn").GetBoolean()));
    }

    [Fact]
    public async Task Photo_upload_second_circuit_link_and_estimate()
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers/IFX-1/photos").UsingPost()).RespondWith(Response.Create().WithStatusCode(201));
        Server.Given(Request.Create().WithPath(Base + "/dossiers/IFX-1/second-circuit").UsingPut()).RespondWith(Response.Create().WithStatusCode(200));
        Server.Given(Request.Create().WithPath(Base + "/dossiers/IFX-1/estimate").UsingGet())
            .RespondWith(Json(200, "{\"estimateNumber\":\"E\",\"version\":1,\"totalExclVat\":100,\"vatAmount\":21,\"totalInclVat\":121,"
                + "\"updatedAt\":\"2026-11-20T10:00:00Z\",\"lines\":[]}"));
        using var stream = new MemoryStream([0xFF, 0xD8, 0xFF]);

        Assert.True((await Run(ct => Client<IInformexApi>()
            .UploadPhotoAsync("BE0456123789", "IFX-1", new StreamPart(stream, "a.jpg", "image/jpeg"), ct))).Succeeded);
        Assert.True((await Run(ct => Client<IInformexApi>()
            .LinkSecondCircuitAsync("BE0456123789", "IFX-1", new InformexSecondCircuit("D21-004512"), ct))).Succeeded);
        Assert.Equal(121m, (await Run(ct => Client<IInformexApi>().GetEstimateAsync("BE0456123789", "IFX-1", ct))).Value!.TotalInclVat);

        var link = Server.LogEntries.Single(e => e.RequestMessage.AbsolutePath.EndsWith("second-circuit", StringComparison.Ordinal));
        Assert.Equal("D21-004512", JsonDocument.Parse(link.RequestMessage.Body!).RootElement.GetProperty("assignmentNumber").GetString());
    }

    [Theory]
    [InlineData(401, ConnectorOutcome.Unauthorized)]
    [InlineData(404, ConnectorOutcome.NotFound)]
    [InlineData(400, ConnectorOutcome.Invalid)]
    public async Task Each_refusal_ends_as_a_clear_result(int status, ConnectorOutcome expected)
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers/IFX-9/second-circuit").UsingPut()).RespondWith(Response.Create().WithStatusCode(status));

        var result = await Run(ct => Client<IInformexApi>().LinkSecondCircuitAsync("BE0456123789", "IFX-9", new InformexSecondCircuit("X"), ct));

        Assert.Equal(expected, result.Outcome);
    }
}
