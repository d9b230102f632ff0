using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Security;

/// <summary>Clients told apart by X-Forwarded-For (as behind the proxy), three sign-in attempts each per window.</summary>
public sealed class SignInLimitFactory : PlanManagerFactory
{
    protected override int SignInsPerClient => 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Proxy:TrustForwardedHeaders", "true");
    }
}

/// <summary>Issue 16, item 6: a per-client limit on sign-in, and a lockout a stranger cannot turn against the real user.</summary>
public sealed class SignInLimitTests(SignInLimitFactory factory) : IClassFixture<SignInLimitFactory>
{
    private const string Refused = "The e-mail address or password is not correct.";

    private HtmlClient From(string address)
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new HtmlClient(client);
    }

    private static Task<HttpResponseMessage> TryAsync(HtmlClient browser, string email, string password) =>
        browser.SubmitAsync("/account/sign-in", "#sign-in-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    [Fact]
    public async Task A_client_over_the_limit_is_refused_even_with_the_right_password_and_others_are_not()
    {
        var guesser = From("203.0.113.10");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await TryAsync(guesser, DemoDataSeeder.SupportEmail, "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var limited = await TryAsync(guesser, DemoDataSeeder.StaffEmail, DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many sign-in attempts from this network.", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var someoneElse = await TryAsync(From("203.0.113.11"), DemoDataSeeder.StaffEmail, DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, someoneElse.StatusCode);
    }

    [Fact]
    public async Task A_stranger_who_locks_the_account_does_not_lock_out_the_users_own_browser()
    {
        const string email = "reception-lock@planmanager.demo";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email };
            Assert.True((await users.CreateAsync(user, DemoDataSeeder.Password)).Succeeded);
            await users.AddToRoleAsync(user, "Staff");
        }

        // The receptionist's own browser signed in yesterday.
        var reception = From("198.51.100.20");
        using (var first = await TryAsync(reception, email, DemoDataSeeder.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (await reception.SubmitAsync("/jobs", "form[action='/account/sign-out']", new Dictionary<string, string>()))
        {
        }

        // A stranger, from five addresses, fails five times: the account is locked.
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TryAsync(From($"192.0.2.{i + 1}"), email, "wrong-" + i);
            Assert.Contains(Refused, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Locked: the stranger (even with the password) sees the same answer as for a wrong password...
        using var stranger = await TryAsync(From("192.0.2.50"), email, DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Contains(Refused, await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // ...and the receptionist's own browser still gets in.
        using var back = await TryAsync(reception, email, DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }
}
