using System.Net;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Security;

/// <summary>Issue 16, items 3 and 4: a session ends after 12 hours however busy, and at sign-out for every copy of its cookie.</summary>
public sealed class SessionHardeningTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    [Fact]
    public async Task The_twelve_hour_limit_holds_through_sliding_renewals_and_stamp_refreshes()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.StaffEmail);

        // A page every 90 minutes, then one at 11 h 45: each renews the cookie (past half the 2-hour
        // idle limit) and refreshes the principal from the security stamp (past the stamp interval).
        var renewals = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var step in Enumerable.Repeat(TimeSpan.FromMinutes(90), 7).Append(TimeSpan.FromMinutes(75)))
        {
            factory.Time.Advance(step);
            elapsed += step;
            using var page = await browser.Http.GetAsync("/jobs");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"after {elapsed} the session answered {(int)page.StatusCode}");
            renewals += page.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith("PlanManager.Auth", StringComparison.Ordinal)) ? 1 : 0;
        }

        Assert.Equal(8, renewals);
        factory.Time.Advance(TimeSpan.FromMinutes(30));
        using var after = await browser.Http.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        using var signIn = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = DemoDataSeeder.SupportEmail, ["Password"] = DemoDataSeeder.Password });
        var copied = AuthCookies(signIn);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(copied));

        using var signOut = await browser.SubmitAsync("/jobs", "form[action='/account/sign-out']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The stamp is checked every 2 minutes: past that, the copy is worth nothing.
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(copied));
    }

    internal static string AuthCookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("PlanManager.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));

    private async Task<HttpStatusCode> ReplayAsync(string cookie)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false,
            HandleCookies = false, BaseAddress = factory.ClientOptions.BaseAddress });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>Issue 16, item 5: outside Development every session and token cookie is Secure, and plain HTTP is sent to HTTPS.</summary>
public sealed class TransportSecurityTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    [Fact]
    public async Task Session_antiforgery_and_device_cookies_are_secure_and_http_only()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        using var form = await browser.Http.GetAsync("/account/sign-in");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var signIn = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = DemoDataSeeder.StaffEmail, ["Password"] = DemoDataSeeder.Password });
        var cookies = signIn.Headers.GetValues("Set-Cookie").Append(antiforgery).ToList();

        Assert.Contains(cookies, c => c.StartsWith("PlanManager.Auth", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("PlanManager.Device", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_page_asked_over_plain_http_is_sent_to_https_but_the_health_probe_is_not()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false,
            BaseAddress = new Uri("http://localhost") });
        using var page = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal("https://localhost/account/sign-in", page.Headers.Location!.ToString());

        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

/// <summary>Issue 16, item 10: the readiness report names its components only to Support (or a caller on the node).</summary>
public sealed class HealthDetailTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    [Fact]
    public async Task Anonymous_callers_get_the_status_only_and_support_gets_the_checks()
    {
        using var anonymous = factory.CreateClient();
        var open = await anonymous.GetStringAsync("/healthz/ready");
        Assert.DoesNotContain("checks", open, StringComparison.Ordinal);
        Assert.DoesNotContain("database", open, StringComparison.Ordinal);
        Assert.Contains("\"status\"", open, StringComparison.Ordinal);

        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        Assert.DoesNotContain("checks", await staff.Http.GetStringAsync("/healthz/ready"), StringComparison.Ordinal);

        var support = new HtmlClient(factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        var detailed = await support.Http.GetStringAsync("/healthz/ready");
        Assert.Contains("\"checks\"", detailed, StringComparison.Ordinal);
        Assert.Contains("\"database\"", detailed, StringComparison.Ordinal);
    }
}
