using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.IntegrationTests.Security;

/// <summary>
/// Issue 16, item 2: the key ring in the database is encrypted with a certificate kept beside it,
/// not in it. A copy of the database file alone, started as its own app (which then has the ring
/// but not the certificate), reads no connector secret and accepts no cookie of the original.
/// </summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task A_copy_of_the_database_alone_opens_no_secret_and_no_session()
    {
        using var original = new PlanManagerFactory();
        var browser = new HtmlClient(original.CreateBrowserLikeClient());
        using var signIn = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = DemoDataSeeder.SupportEmail, ["Password"] = DemoDataSeeder.Password });
        var cookie = SessionHardeningTests.AuthCookies(signIn);
        var stored = await original.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Caps).Select(s => s.ProtectedSecret)
            .SingleAsync());
        Assert.Equal(new PlanManager.Sandbox.SandboxCredentials().CapsApiKey, original.Services.GetRequiredService<SecretProtector>().Unprotect(stored));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(original, cookie));

        // The ring is stored encrypted: no master key in clear in the database.
        var ring = await original.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Assert.True(File.Exists(Path.Combine(original.Folder, KeyRingOptions.GeneratedFileName)));

        // A backup: the database file alone, copied to a machine without the certificate.
        using var thief = new PlanManagerFactory();
        Directory.CreateDirectory(thief.Folder);
        await original.WithDbAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {thief.DatabasePath}"));
        using (thief.CreateClient())
        {
        }

        Assert.Null(thief.Services.GetRequiredService<SecretProtector>().Unprotect(stored));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(thief, cookie));
    }

    [Fact]
    public async Task Revoking_the_keys_signs_everyone_out_and_keeps_the_connector_secrets()
    {
        using var factory = new PlanManagerFactory();
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        using var signIn = await browser.SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = DemoDataSeeder.SupportEmail, ["Password"] = DemoDataSeeder.Password });
        var cookie = SessionHardeningTests.AuthCookies(signIn);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(factory, cookie));
        var before = await factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Caps).Select(s => s.ProtectedSecret)
            .SingleAsync());

        Assert.Equal(0, await KeyRingCommands.RunAsync(factory.Services, revoke: true, NullLogger.Instance));

        var after = await factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Caps).Select(s => s.ProtectedSecret).SingleAsync());
        var secrets = factory.Services.GetRequiredService<SecretProtector>();
        Assert.NotEqual(before, after);
        // A running node refreshes its copy of the ring in the background: give it a moment.
        for (var i = 0; i < 100 && secrets.Unprotect(before) is not null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Null(secrets.Unprotect(before));
        Assert.Equal(new PlanManager.Sandbox.SandboxCredentials().CapsApiKey, secrets.Unprotect(after));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(factory, cookie));
        var revoked = await factory.WithDbAsync(db => db.DataProtectionKeys.CountAsync(k => k.Xml!.Contains("<revocation")));
        Assert.True(revoked >= 1);
    }

    private sealed class ServerWithoutCertificateFactory : PlanManagerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:ConnectionString", "Server=127.0.0.1,1;Database=PlanManager;User Id=app;Password=x;Encrypt=True");
        }
    }

    [Fact]
    public void A_server_database_outside_development_without_a_certificate_refuses_to_start()
    {
        using var factory = new ServerWithoutCertificateFactory();
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("DataProtection:CertificatePath is not set", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> ReplayAsync(PlanManagerFactory factory, string cookie)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false,
            HandleCookies = false, BaseAddress = factory.ClientOptions.BaseAddress });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
