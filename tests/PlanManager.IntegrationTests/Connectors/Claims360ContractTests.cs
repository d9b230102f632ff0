using System.Text.Json;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using Refit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Connectors;

/// <summary>contracts/claims360.yaml</summary>
public sealed class Claims360ContractTests() : ContractTestBase(ConnectorPlatform.Claims360,
    new Dictionary<string, string> { ["X-Bodyshop-Api-Key"] = "b-key", ["X-PlanManager-Api-Key"] = "p-key" })
{
    private const string Carrosserie = "BE0456123789";
    private const string Base = "/api/v1/bodyshops/" + Carrosserie;

    private static Response Json(int status, string body) => (Response)Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
        .WithBody(body);

    [Fact]
    public async Task Assignments_are_paged_since_a_moment_with_both_keys_for_that_bodyshop()
    {
        Server.Given(Request.Create().WithPath(Base + "/assignments").UsingGet().WithHeader("X-Bodyshop-Api-Key", "b-key")
            .WithHeader("X-PlanManager-Api-Key", "p-key")
                .WithParam("page", "2").WithParam("pageSize", "50"))
            .RespondWith(Json(200, """
                {"assignments":[{"assignmentNumber":"8902305","complete":false,"work":"Carrosserie","make":"VW","model":"Golf","licensePlate":"1ABC234",
                "vin":null,"mileage":45210,"customerName":"Jan Peeters","repairerName":null,"insurerName":"AG Insurance","claimNumber":"12/345678",
                "smartExpertise":true,"dossierId":"D-9","createdAt":"2021-04-02T14:24:00Z","updatedAt":"2021-04-02T15:00:00Z"}],"page":2,"hasMore":true}
                """));
        var since = new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.Zero);

        var result = await Run(ct => Client<IClaims360Api>().GetAssignmentsAsync(Carrosserie, since, 2, 50, ct));

        Assert.True(result.Succeeded, result.Detail);
        Assert.True(result.Value!.HasMore);
        var a = Assert.Single(result.Value.Assignments);
        Assert.Equal(("8902305", "1ABC234", 45210, true, "D-9"), (a.AssignmentNumber, a.LicensePlate, a.Mileage!.Value, a.SmartExpertise, a.DossierId));
        Assert.Equal(Carrosserie, Credentials.LastScope);
        Assert.Equal(since, DateTimeOffset.Parse(Server.LogEntries.Single().RequestMessage.Query!["updatedSince"].Single(),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Export_creates_a_dossier_and_a_repeat_answers_409_with_the_existing_id()
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers").UsingPost()).InScenario("d").WillSetStateTo("exists")
            .RespondWith(Json(201, "{\"dossierId\":\"D-1\"}"));
        Server.Given(Request.Create().WithPath(Base + "/dossiers").UsingPost()).InScenario("d").WhenStateIs("exists")
            .RespondWith(Json(409, "{\"dossierId\":\"D-1\"}"));

        var first = await Run(ct => Client<IClaims360Api>().CreateDossierAsync(Carrosserie, new Claims360DossierRequest("1ABC234", 45210, "614"), ct));
        var second = await Run(ct => Client<IClaims360Api>().CreateDossierAsync(Carrosserie, new Claims360DossierRequest("1ABC234", 45210, "614"), ct));

        Assert.Equal("D-1", first.Value!.DossierId);
        Assert.Equal(ConnectorOutcome.Conflict, second.Outcome);
        Assert.Equal("D-1", JsonSerializer.Deserialize<Claims360DossierCreated>(second.Content!, JsonSerializerOptions.Web)!.DossierId);
        var body = JsonDocument.Parse(Server.LogEntries[0].RequestMessage.Body!).RootElement;
        Assert.Equal(("1ABC234", 45210, "614"),
            (body.GetProperty("licensePlate").GetString(), body.GetProperty("mileage").GetInt32(), body.GetProperty("externalReference").GetString()));
    }

    [Fact]
    public async Task Send_data_again_puts_plate_and_mileage()
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers/D-1").UsingPut()).RespondWith(Response.Create().WithStatusCode(200));

        var result = await Run(ct => Client<IClaims360Api>().UpdateDossierAsync(Carrosserie, "D-1", new Claims360DossierUpdate("1ABC234", 46000), ct));

        Assert.True(result.Succeeded);
        Assert.Equal(46000, JsonDocument.Parse(Server.LogEntries.Single().RequestMessage.Body!).RootElement.GetProperty("mileage").GetInt32());
    }

    [Fact]
    public async Task The_estimate_is_read_with_its_lines_and_a_missing_one_is_not_found()
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers/D-1/estimate").UsingGet()).RespondWith(Json(200, """
            {"estimateNumber":"E-1","version":2,"currency":"EUR","labourHours":3.5,"totalExclVat":736.65,"vatAmount":154.70,"totalInclVat":891.35,
            "updatedAt":"2026-11-20T10:00:00Z",
            "lines":[{"lineNo":1,"kind":"labour","code":"T10","description":"Remove bumper","quantity":1.5,"unitPrice":62,"amount":93}]}
            """));
        Server.Given(Request.Create().WithPath(Base + "/dossiers/D-2/estimate").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));

        var estimate = await Run(ct => Client<IClaims360Api>().GetEstimateAsync(Carrosserie, "D-1", ct));
        var none = await Run(ct => Client<IClaims360Api>().GetEstimateAsync(Carrosserie, "D-2", ct));

        Assert.Equal((2, 891.35m, "labour"), (estimate.Value!.Version, estimate.Value.TotalInclVat, estimate.Value.Lines.Single().Kind));
        Assert.Equal(ConnectorOutcome.NotFound, none.Outcome);
    }

    [Fact]
    public async Task Photos_are_listed_and_downloaded()
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers/D-1/photos").UsingGet())
            .RespondWith(Json(200, "{\"photos\":[{\"photoId\":\"P1\",\"fileName\":\"front.jpg\","
                + "\"contentType\":\"image/jpeg\",\"size\":3,\"takenAt\":null}]}"));
        Server.Given(Request.Create().WithPath(Base + "/dossiers/D-1/photos/P1/content").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody([0xFF, 0xD8, 0xFF]));

        var list = await Run(ct => Client<IClaims360Api>().GetPhotosAsync(Carrosserie, "D-1", ct));
        var content = await Run(async ct => await (await Client<IClaims360Api>().GetPhotoContentAsync(Carrosserie, "D-1", "P1", ct)).ReadAsByteArrayAsync(ct));

        Assert.Equal("front.jpg", list.Value!.Photos.Single().FileName);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, content.Value);
    }

    [Fact]
    public async Task A_photo_upload_is_multipart_and_never_retried_after_a_500()
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers/D-1/photos").UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        using var stream = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0]);

        var result = await Run(ct => Client<IClaims360Api>().UploadPhotoAsync(Carrosserie, "D-1", new StreamPart(stream, "front.jpg", "image/jpeg"), ct));

        Assert.Equal(ConnectorOutcome.ServerError, result.Outcome);
        var request = Server.LogEntries.Single().RequestMessage;
        Assert.StartsWith("multipart/form-data", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Contains("name=file", request.Body ?? System.Text.Encoding.Latin1.GetString(request.BodyAsBytes ?? []), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(413, ConnectorOutcome.TooLarge)]
    [InlineData(415, ConnectorOutcome.UnsupportedMedia)]
    [InlineData(401, ConnectorOutcome.Unauthorized)]
    public async Task Upload_refusals_say_why(int status, ConnectorOutcome expected)
    {
        Server.Given(Request.Create().WithPath(Base + "/dossiers/D-1/photos").UsingPost()).RespondWith(Response.Create().WithStatusCode(status));
        using var stream = new MemoryStream([1, 2, 3]);

        var result = await Run(ct => Client<IClaims360Api>().UploadPhotoAsync(Carrosserie, "D-1", new StreamPart(stream, "x.txt", "text/plain"), ct));

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task A_bodyshop_without_keys_is_not_called()
    {
        Credentials.Headers = null;

        var result = await Run(ct => Client<IClaims360Api>().GetAssignmentsAsync("BE0999", null, null, null, ct));

        Assert.Equal(ConnectorOutcome.Disabled, result.Outcome);
        Assert.Equal("BE0999", Credentials.LastScope);
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task Keys_not_saved_yet_are_checked_with_one_assignment_and_sent_instead_of_the_stored_ones()
    {
        Server.Given(Request.Create().WithPath(Base + "/assignments").UsingGet()).AtPriority(10).RespondWith(Response.Create().WithStatusCode(401));
        Server.Given(Request.Create().WithPath(Base + "/assignments").UsingGet().WithHeader("X-Bodyshop-Api-Key", "typed-b")
                .WithHeader("X-PlanManager-Api-Key", "typed-p").WithParam("pageSize", "1"))
            .AtPriority(1).RespondWith(Json(200, """{"assignments":[],"page":1,"hasMore":false}"""));
        Credentials.Headers = null;

        var accepted = await Run(ct => Client<IClaims360Api>().CheckKeysAsync(Carrosserie, new Claims360Keys("typed-b", "typed-p"), cancellationToken: ct));
        var refused = await Run(ct => Client<IClaims360Api>().CheckKeysAsync(Carrosserie, new Claims360Keys("typed-b", "wrong"), cancellationToken: ct));
        Credentials.Enabled = false;
        var off = await Run(ct => Client<IClaims360Api>().CheckKeysAsync(Carrosserie, new Claims360Keys("typed-b", "typed-p"), cancellationToken: ct));

        Assert.Equal((ConnectorOutcome.Ok, ConnectorOutcome.Unauthorized, ConnectorOutcome.Disabled), (accepted.Outcome, refused.Outcome, off.Outcome));
        Assert.Equal(2, Server.LogEntries.Count);
    }
}
