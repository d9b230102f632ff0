using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Portal;

/// <summary>Low lookup limits: 6 per client, 2 per plate.</summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    protected override int LookupsPerClient => 6;
    protected override int LookupsPerPlate => 2;
}

public sealed class PortalRateLimitTests(RateLimitedPortalFactory factory) : PortalTestBase<RateLimitedPortalFactory>(factory)
{
    [Fact]
    public async Task Plate_and_job_number_lookups_answer_429_after_the_limit_per_plate_and_per_client()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var job = await NewJobAsync(id, "1-LIM-100");
        var number = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        async Task<HttpStatusCode> LookUp(string plate, string jobNumber)
        {
            using var response = await Customer.SubmitAsync($"/portal/{id}/status", "#portal-status-form",
                new Dictionary<string, string> { ["Form.Registration"] = plate, ["Form.JobNumber"] = jobNumber });
            return response.StatusCode;
        }

        // Per plate: two tries for 1-LIM-100, the third is refused even with the right number.
        Assert.Equal(HttpStatusCode.OK, await LookUp("1-LIM-100", "1"));
        Assert.Equal(HttpStatusCode.OK, await LookUp("1-lim-100", "2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookUp("1-LIM-100", number));

        // Per client: other plates still answer until this client has made six lookups in all.
        Assert.Equal(HttpStatusCode.OK, await LookUp("1-LIM-200", "1"));
        Assert.Equal(HttpStatusCode.OK, await LookUp("1-LIM-300", "1"));
        Assert.Equal(HttpStatusCode.OK, await LookUp("1-LIM-400", "1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookUp("1-LIM-500", "1"));

        // The photo step counts too.
        using var photos = await Customer.SubmitAsync($"/portal/{id}/photos", "#portal-photos-form",
            new Dictionary<string, string> { ["Form.Registration"] = "1-LIM-600", ["Form.JobNumber"] = "1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, photos.StatusCode);
    }
}

/// <summary>The portal exists only while support has it switched on.</summary>
public sealed class PortalSwitchTests(PortalFactory factory) : PortalTestBase<PortalFactory>(factory)
{
    [Fact]
    public async Task Every_portal_page_answers_404_while_the_portal_is_switched_off()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var statusPage = await Customer.GetPageAsync($"/portal/{id}/status");
        await Factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Portal)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, false)));
        try
        {
            foreach (var path in new[] { "/portal", $"/portal/{id}", $"/portal/{id}/estimate", $"/portal/{id}/repair", $"/portal/{id}/status",
                $"/portal/{id}/photos" })
            {
                using var response = await Customer.Http.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                AssertSaidToTheCustomer(HtmlClient.Parse(await response.Content.ReadAsStringAsync()), "portal-closed");
            }

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = HtmlClient.Token(statusPage, "#portal-status-form"),
                ["Form.Registration"] = "1-ABC-123",
                ["Form.JobNumber"] = "1",
            });
            using var post = await Customer.Http.PostAsync($"/portal/{id}/status", content);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        finally
        {
            await Factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Portal)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enabled, true)));
        }

        using var again = await Customer.Http.GetAsync($"/portal/{id}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task An_unknown_repairer_or_page_answers_404_in_the_portal_s_own_words()
    {
        foreach (var path in new[] { "/portal/999999", "/portal/999999/photos", "/portal/no-such-page" })
        {
            using var response = await Customer.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
            AssertSaidToTheCustomer(page, "portal-error");
            Assert.Contains("Page not found", page.QuerySelector("[data-testid=portal-error]")!.TextContent, StringComparison.Ordinal);
        }

        // Staff pages keep the staff error page.
        using var staff = await Customer.Http.GetAsync("/no-such-staff-page");
        Assert.Null(HtmlClient.Parse(await staff.Content.ReadAsStringAsync()).QuerySelector("[data-testid=portal-error]"));
    }

    /// <summary>A portal page in the portal's layout: its message, no staff menu, no link into the staff app.</summary>
    private static void AssertSaidToTheCustomer(AngleSharp.Html.Dom.IHtmlDocument page, string message)
    {
        Assert.NotNull(page.QuerySelector($"[data-testid={message}]"));
        Assert.NotNull(page.QuerySelector("body.pm-portal"));
        Assert.DoesNotContain("Back to the job list", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("a[href='/'], a[href='/jobs']"));
    }
}
