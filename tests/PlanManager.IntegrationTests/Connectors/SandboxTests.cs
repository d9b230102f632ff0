using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Connectors.Informex;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Sandbox;
using Refit;

namespace PlanManager.IntegrationTests.Connectors;

/// <summary>The app on a real port with its sandbox on, and its own clients (credentials from the demo settings) talking to it over HTTP.</summary>
public sealed class SandboxFactory : PlanManagerFactory
{
    public SandboxFactory()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        UseKestrel(Port);
        PlainHttp = true;
    }

    public int Port { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:Enabled", "true");
        foreach (var platform in Enum.GetValues<ConnectorPlatform>())
        {
            builder.UseSetting($"Connectors:{platform}:BaseUrl", $"http://127.0.0.1:{Port}/sandbox/{ConnectorOptions.SandboxSegment(platform)}");
        }
    }
}

public sealed class SandboxTests : IClassFixture<SandboxFactory>
{
    private const string Janssens = "0456123789";
    private readonly SandboxFactory _factory;

    public SandboxTests(SandboxFactory factory)
    {
        _factory = factory;
        _factory.StartServer();
    }

    private async Task<ConnectorResult<T>> Call<T>(Func<IServiceProvider, CancellationToken, Task<T>> call)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await ConnectorCall.RunAsync(ConnectorPlatform.Caps, "sandbox", ct => call(scope.ServiceProvider, ct),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
    }

    [Fact]
    public async Task Caps_offers_can_be_listed_accepted_once_and_jobs_pushed()
    {
        var offers = await Call((sp, ct) => sp.GetRequiredService<ICapsApi>().GetOffersAsync(ct));
        Assert.True(offers.Succeeded, offers.Detail);
        Assert.NotEmpty(offers.Value!.Offers);
        var offer = offers.Value.Offers[0];
        Assert.Matches("^[A-Z]{2}[0-9]{2} [A-Z]{3}$", offer.Registration);

        var accept = await Call(async (sp, ct) =>
        {
            await sp.GetRequiredService<ICapsApi>().AcceptOfferAsync(offer.OfferId, new CapsAcceptRequest("900"), ct);
            return true;
        });
        var again = await Call(async (sp, ct) =>
        {
            await sp.GetRequiredService<ICapsApi>().DeclineOfferAsync(offer.OfferId, new CapsDeclineRequest("late"), ct);
            return true;
        });
        var push = await Call((sp, ct) => sp.GetRequiredService<ICapsApi>()
            .PutJobAsync("900", new CapsJobSync("900", offer.InsurerCapsCode, null, null, offer.ClaimNumber, offer.Registration, offer.Make, offer.Model, "New",
            false, null, null), ct));

        Assert.True(accept.Succeeded, accept.Detail);
        Assert.Equal(ConnectorOutcome.Conflict, again.Outcome);
        Assert.Equal("CAPS-900", push.Value!.CapsJobId);
        var state = _factory.Services.GetRequiredService<SandboxState>();
        Assert.Contains(state.CapsJobPushes, p => p.JobNumber == "900");
        Assert.DoesNotContain((await Call((sp, ct) => sp.GetRequiredService<ICapsApi>().GetOffersAsync(ct))).Value!.Offers, o => o.OfferId == offer.OfferId);
    }

    [Fact]
    public async Task Audatex_claims_can_be_listed_and_rejected_with_a_reason()
    {
        var claims = await Call((sp, ct) => sp.GetRequiredService<IAudatexUkApi>().GetClaimsAsync("new", ct));
        var claim = claims.Value!.Claims[^1];

        var rejected = await Call(async (sp, ct) =>
        {
            await sp.GetRequiredService<IAudatexUkApi>().RejectClaimAsync(claim.ClaimId, new AudatexRejectRequest("Too far away"), ct);
            return true;
        });
        var blank = await Call(async (sp, ct) =>
        {
            await sp.GetRequiredService<IAudatexUkApi>().RejectClaimAsync(claims.Value.Claims[0].ClaimId, new AudatexRejectRequest(" "), ct);
            return true;
        });

        Assert.True(rejected.Succeeded, rejected.Detail);
        Assert.Equal(ConnectorOutcome.Invalid, blank.Outcome);
    }

    [Fact]
    public async Task Claims360_assignments_dossier_estimate_and_photos_work_for_a_configured_bodyshop()
    {
        var page = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>().GetAssignmentsAsync(Janssens, null, 1, 5, ct));
        Assert.True(page.Succeeded, page.Detail);
        Assert.Equal(5, page.Value!.Assignments.Count);
        Assert.True(page.Value.HasMore);
        Assert.All(page.Value.Assignments, a => Assert.Matches("^[12][A-Z]{3}[0-9]{3}$", a.LicensePlate));

        var withDossier = (await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>()
            .GetAssignmentsAsync(Janssens, null, 1, 200, ct))).Value!.Assignments.First(a => a.DossierId is not null);
        var estimate = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>().GetEstimateAsync(Janssens, withDossier.DossierId!, ct));
        Assert.True(estimate.Value!.Lines.Count >= 4);
        Assert.Equal(estimate.Value.TotalExclVat + estimate.Value.VatAmount, estimate.Value.TotalInclVat);

        var photos = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>().GetPhotosAsync(Janssens, withDossier.DossierId!, ct));
        var bytes = await Call(async (sp, ct) => await (await sp.GetRequiredService<IClaims360Api>()
            .GetPhotoContentAsync(Janssens, withDossier.DossierId!, photos.Value!.Photos[0].PhotoId, ct)).ReadAsByteArrayAsync(ct));
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, bytes.Value![..3]);

        var created = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>()
            .CreateDossierAsync(Janssens, new Claims360DossierRequest("1ABC234", 1000, "901"), ct));
        var repeat = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>()
            .CreateDossierAsync(Janssens, new Claims360DossierRequest("1ABC234", 1000, "901"), ct));
        Assert.Equal(ConnectorOutcome.Conflict, repeat.Outcome);
        Assert.Contains(created.Value!.DossierId, repeat.Content, StringComparison.Ordinal);

        await using var jpeg = new MemoryStream(bytes.Value);
        var upload = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>()
            .UploadPhotoAsync(Janssens, created.Value.DossierId, new StreamPart(jpeg, "front.jpg", "image/jpeg"), ct));
        await using var text = new MemoryStream("not an image"u8.ToArray());
        var refused = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>()
            .UploadPhotoAsync(Janssens, created.Value.DossierId, new StreamPart(text, "notes.jpg", "image/jpeg"), ct));
        Assert.True(upload.Succeeded, upload.Detail);
        Assert.Equal(ConnectorOutcome.UnsupportedMedia, refused.Outcome);
    }

    [Fact]
    public async Task Claims360_assignments_come_page_by_page_in_platform_order_and_a_changed_one_comes_changed_in_its_place()
    {
        async Task<List<Claims360Assignment>> ReadAllAsync(DateTimeOffset? since)
        {
            var all = new List<Claims360Assignment>();
            for (var number = 1; ; number++)
            {
                var page = (await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>().GetAssignmentsAsync(Janssens, since, number, 5, ct))).Value!;
                all.AddRange(page.Assignments);
                if (!page.HasMore)
                {
                    return all;
                }
            }
        }

        static List<Claims360Assignment> InOrder(IEnumerable<Claims360Assignment> list) =>
            [.. list.OrderBy(a => a.UpdatedAt).ThenBy(a => a.AssignmentNumber, StringComparer.Ordinal)];

        var first = await ReadAllAsync(null);
        var state = _factory.Services.GetRequiredService<SandboxState>();
        Assert.Equal(12, first.Count);
        Assert.Equal(InOrder(state.AssignmentsFor(Janssens, 0)), first);

        state.TouchAssignment(Janssens, first[0].AssignmentNumber, a => a with { Model = "Changed in the sandbox" });
        var again = await ReadAllAsync(null);
        Assert.Equal(InOrder(state.AssignmentsFor(Janssens, 0)), again);
        Assert.Equal("Changed in the sandbox", again.Single(a => a.AssignmentNumber == first[0].AssignmentNumber).Model);

        var since = again[^3].UpdatedAt;
        Assert.Equal(again.Where(a => a.UpdatedAt > since), await ReadAllAsync(since));
    }

    [Fact]
    public async Task Claims360_for_a_repairer_without_set_up_is_never_called()
    {
        var result = await Call((sp, ct) => sp.GetRequiredService<IClaims360Api>().GetAssignmentsAsync("0789456123", null, null, null, ct));
        Assert.Equal(ConnectorOutcome.Disabled, result.Outcome);
    }

    [Fact]
    public async Task Claims360_key_check_answers_as_the_contract_says_200_401_and_404_for_an_unknown_bodyshop()
    {
        var keys = new SandboxCredentials();
        Task<ConnectorResult<Claims360AssignmentsPage>> Check(string carrosserieId, string planManagerKey) =>
            Call((sp, ct) => sp.GetRequiredService<IClaims360Api>()
                .CheckKeysAsync(carrosserieId, new Claims360Keys(keys.Claims360BodyshopKey, planManagerKey), cancellationToken: ct));

        Assert.Equal(ConnectorOutcome.Ok, (await Check(Janssens, keys.Claims360PlanManagerKey)).Outcome);
        Assert.Equal(ConnectorOutcome.Unauthorized, (await Check(Janssens, "c360-planmanager-sandbox-kye")).Outcome);
        Assert.Equal(ConnectorOutcome.NotFound, (await Check("GARAGE-42", keys.Claims360PlanManagerKey)).Outcome);
    }

    [Fact]
    public async Task Informex_transmissions_a_dossier_once_and_the_second_circuit_link()
    {
        var transmissions = await Call((sp, ct) => sp.GetRequiredService<IInformexApi>().GetTransmissionsAsync(Janssens, null, ct));
        var assignment = transmissions.Value!.Transmissions[0].AssignmentNumber;
        var request = new InformexDossierRequest("902", "1ABC234", null, "VW", "Golf", null, 45000, null, null, null, null, null, false, false,
            null, null, null);

        var dossier = await Call((sp, ct) => sp.GetRequiredService<IInformexApi>().CreateDossierAsync(Janssens, request, ct));
        var again = await Call((sp, ct) => sp.GetRequiredService<IInformexApi>().CreateDossierAsync(Janssens, request, ct));
        var link = await Call(async (sp, ct) =>
        {
            await sp.GetRequiredService<IInformexApi>()
                .LinkSecondCircuitAsync(Janssens, dossier.Value!.DossierNumber, new InformexSecondCircuit(assignment), ct);
            return true;
        });
        var estimate = await Call((sp, ct) => sp.GetRequiredService<IInformexApi>().GetEstimateAsync(Janssens, dossier.Value!.DossierNumber, ct));

        Assert.Equal(ConnectorOutcome.Conflict, again.Outcome);
        Assert.True(link.Succeeded, link.Detail);
        Assert.True(estimate.Succeeded, estimate.Detail);
        Assert.Single(_factory.Services.GetRequiredService<SandboxState>().InformexDossiers, d => d.Value.JobNumber == "902");
    }

    [Fact]
    public async Task The_sandbox_refuses_wrong_credentials_and_plays_failures_on_request()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_factory.Port}") };
        using var anonymous = await http.GetAsync("/sandbox/caps/v1/offers");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/informex/v1/mailboxes/X/transmissions");
        request.Headers.Add("X-Informex-Api-Key", new SandboxCredentials().InformexApiKey);
        request.Headers.Add(SandboxGate.FailHeader, "429");
        using var busy = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
    }
}
