using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Caps;

/// <summary>
/// The two pushes that never reached CAPS before the job had one door (issue 15), end to end: the
/// Hangfire server relays them to WireMock playing CAPS, once, after the sync delay (2 s in tests).
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class CapsMissedPushTests : IClassFixture<CapsSyncFactory>, IAsyncLifetime
{
    private readonly CapsSyncFactory _factory;
    private readonly HtmlClient _staff;

    public CapsMissedPushTests(CapsSyncFactory factory)
    {
        _factory = factory;
        _staff = new HtmlClient(factory.CreateBrowserLikeClient());
    }

    public async Task InitializeAsync()
    {
        _factory.PushesSucceed();
        await _staff.SignInAsync(DemoDataSeeder.StaffEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Off_site_from_vehicles_inside_reaches_caps_once_after_the_delay()
    {
        var id = await _factory.SyncedUkJobAsync("OS12 CAP");
        var number = await NumberAsync(id);
        var page = await _staff.GetPageAsync("/workshop/vehicles-inside?size=100");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.Token(page, "#off-site-form"),
            ["single"] = id.ToString(CultureInfo.InvariantCulture),
        });
        var pressed = DateTime.UtcNow;

        using (var response = await _staff.Http.PostAsync("/workshop/vehicles-inside/off-site", content))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var push = await OnePushAsync(number);
        Assert.True(push.RequestMessage.DateTime >= pressed.AddSeconds(2), "pushed before the delay");
        Assert.Contains("\"vehicleIn\":false", push.RequestMessage.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"offSiteDate\":null", push.RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_insurer_given_a_caps_code_brings_its_jobs_to_caps_once_after_the_delay()
    {
        var insurer = await _factory.WithDbAsync(async db =>
        {
            var added = PartyBuilder.Insurer("Esure Motor").Build();
            db.ThirdParties.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var number = await NumberAsync(await _factory.SyncedUkJobAsync("IN12 CAP", insurer, "CLM-ESURE-1"));
        Assert.Empty(_factory.PushesOf(number));
        var url = $"/third-parties/insurers/{insurer}";

        using (var saved = await _staff.SubmitAsync(url, $"form[action='{url}']", new Dictionary<string, string> { ["CapsCode"] = "ESURE01" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var push = await OnePushAsync(number);
        Assert.Contains("\"insurerCapsCode\":\"ESURE01\"", push.RequestMessage.Body, StringComparison.Ordinal);
        Assert.Contains("\"claimNumber\":\"CLM-ESURE-1\"", push.RequestMessage.Body, StringComparison.Ordinal);
    }

    private Task<int> NumberAsync(int id) => _factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.Number).SingleAsync());

    /// <summary>Waits for the push, then a little longer to see that no second one follows.</summary>
    private async Task<WireMock.Logging.ILogEntry> OnePushAsync(int number)
    {
        await CapsWireMockFactory.WaitForAsync(() => Task.FromResult(_factory.PushesOf(number).Count > 0), $"the push of job {number}");
        await Task.Delay(TimeSpan.FromSeconds(4));
        return Assert.Single(_factory.PushesOf(number));
    }
}
