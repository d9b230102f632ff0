using System.Net;
using PlanManager.IntegrationTests.Infrastructure;

namespace PlanManager.IntegrationTests.Security;

public sealed class ResponseHeaderTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/jobs")]
    public async Task Pages_forbid_framing_sniffing_and_inline_scripts(string path)
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task An_unknown_address_shows_a_friendly_not_found_page()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.StaffEmail);
        using var response = await browser.Http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This page or record does not exist (any more).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_cannot_be_read_by_scripts()
    {
        using var client = factory.CreateBrowserLikeClient();
        using var signIn = await new HtmlClient(client).SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = PlanManager.Web.Data.Demo.DemoDataSeeder.StaffEmail,
                ["Password"] = PlanManager.Web.Data.Demo.DemoDataSeeder.Password });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PlanManager.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
