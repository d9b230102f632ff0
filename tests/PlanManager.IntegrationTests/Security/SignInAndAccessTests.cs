using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.Web.Data;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Security;

public sealed class SignInAndAccessTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/jobs")]
    [InlineData("/jobs/new")]
    [InlineData("/jobs/1")]
    [InlineData("/repairers")]
    [InlineData("/third-parties/owners")]
    [InlineData("/third-parties/insurers/lookup?q=a")]
    [InlineData("/administration")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/sign-in?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_and_health_check_are_open()
    {
        using var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_one_message_for_both_cases()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        using var wrongPassword = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = DemoDataSeeder.SupportEmail, ["Password"] = "not-the-password" });
        using var unknownUser = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = "nobody@example.com", ["Password"] = "not-the-password" });

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        var first = HtmlClient.Parse(await wrongPassword.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Trim();
        var second = HtmlClient.Parse(await unknownUser.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Trim();
        Assert.Equal("The e-mail address or password is not correct. After 5 failed attempts, wait 15 minutes.", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "lockout@planmanager.demo", Email = "lockout@planmanager.demo" };
            Assert.True((await users.CreateAsync(user, DemoDataSeeder.Password)).Succeeded);
            await users.AddToRoleAsync(user, "Staff");
        }

        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        for (var i = 0; i < 5; i++)
        {
            using var _ = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
                new Dictionary<string, string> { ["Email"] = "lockout@planmanager.demo", ["Password"] = "wrong-" + i });
        }

        using var right = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = "lockout@planmanager.demo", ["Password"] = "PlanManager-demo1" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        // Locked, the answer is the one for a wrong password: it does not tell a stranger the account exists.
        Assert.Contains("The e-mail address or password is not correct.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cannot_open_administration_but_support_can()
    {
        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        using var denied = await staff.Http.GetAsync("/administration");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var menu = await staff.GetPageAsync("/jobs");
        Assert.Null(menu.QuerySelector("a[href='/administration']"));

        var support = new HtmlClient(factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        var admin = await support.GetPageAsync("/administration");
        Assert.Contains(DemoDataSeeder.StaffEmail, admin.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await support.GetPageAsync("/jobs")).QuerySelector("a[href='/administration']"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.StaffEmail);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Registration"] = "CSRF-1", ["Form.RepairerId"] = "1" });
        using var response = await browser.Http.PostAsync("/jobs/new", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.StaffEmail);
        using var signOut = await browser.SubmitAsync("/jobs", "form[action='/account/sign-out']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await browser.Http.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task An_outside_return_url_is_not_followed_after_sign_in()
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        using var response = await browser.SubmitAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = DemoDataSeeder.StaffEmail, ["Password"] = DemoDataSeeder.Password });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
