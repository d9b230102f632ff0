using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Administration;

public sealed class ConnectorAdministrationTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    private async Task<HtmlClient> SignedInAsync(string email)
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(email);
        return browser;
    }

    private static Task<HttpResponseMessage> SaveAsync(HtmlClient support, string kind, Dictionary<string, string> values) =>
        support.SubmitAsync("/administration/connectors", $"form[data-testid='connector-{kind}-form']", values);

    [Theory]
    [InlineData("/administration/connectors")]
    [InlineData("/administration/background-jobs")]
    public async Task Staff_cannot_open_connector_settings_or_the_background_job_dashboard(string path)
    {
        var staff = await SignedInAsync(DemoDataSeeder.StaffEmail);
        using var response = await staff.Http.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path} answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var support = await SignedInAsync(DemoDataSeeder.SupportEmail);
        using var allowed = await support.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_saved_key_is_stored_encrypted_audited_without_its_value_and_never_shown()
    {
        const string secret = "caps-key-do-not-leak-7781";
        var support = await SignedInAsync(DemoDataSeeder.SupportEmail);

        using var saved = await SaveAsync(support, "caps",
            new Dictionary<string, string> { ["Enabled"] = "true", ["SiteCode"] = "LEEDS-01", ["NewSecret"] = secret });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var raw = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT ProtectedSecret AS Value FROM ConnectorSettings WHERE Kind = 1")
            .SingleAsync());
        Assert.False(string.IsNullOrEmpty(raw));
        Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);

        foreach (var path in new[] { "/administration/connectors", "/administration", "/third-parties/insurers", "/jobs" })
        {
            using var page = await support.Http.GetAsync(path);
            Assert.DoesNotContain(secret, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Nowhere in clear on disk either: the database file, its write-ahead log, the log files.
        var folder = Path.GetDirectoryName(factory.DatabasePath)!;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            Assert.DoesNotContain(secret, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var audit = await factory.WithDbAsync(db => db.Audit.OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(DemoDataSeeder.SupportEmail, audit.UserName);
        Assert.Contains("secret replaced", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit.Detail, StringComparison.Ordinal);
        var connectors = await support.GetPageAsync("/administration/connectors");
        Assert.Contains("LEEDS-01", connectors.QuerySelector("[data-testid=connector-audit]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_caps_on_without_a_site_code_is_refused_beside_the_field()
    {
        var support = await SignedInAsync(DemoDataSeeder.SupportEmail);

        using var response = await SaveAsync(support, "caps", new Dictionary<string, string> { ["Enabled"] = "true", ["SiteCode"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("CAPS needs the site code to be switched on.", page.QuerySelector("#connector-caps [data-valmsg-for=SiteCode]")!.TextContent.Trim());
        Assert.NotNull(await factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Caps).Select(s => s.SiteCode).SingleAsync()));
    }

    [Fact]
    public async Task Switching_informex_on_after_removing_its_key_is_refused()
    {
        var support = await SignedInAsync(DemoDataSeeder.SupportEmail);

        using var response = await SaveAsync(support, "informex", new Dictionary<string, string> { ["Enabled"] = "true", ["RemoveSecret"] = "true" });

        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("A switched-on connector needs its key.", page.QuerySelector("#connector-informex [data-valmsg-for=NewSecret]")!.TextContent.Trim());
        Assert.True(await factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Informex).Select(s => s.ProtectedSecret != null)
            .SingleAsync()));
    }

    [Fact]
    public async Task The_caps_code_field_follows_the_caps_switch_and_the_code_is_kept_while_off()
    {
        var support = await SignedInAsync(DemoDataSeeder.SupportEmail);
        var aviva = await factory.WithDbAsync(db => db.ThirdParties.Where(t => t.Name == "Aviva").Select(t => t.Id).SingleAsync());
        var url = $"/third-parties/insurers/{aviva}";

        var on = await support.GetPageAsync(url);
        Assert.Equal("AVIVA01", on.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#CapsCode")!.Value);

        using (var off = await SaveAsync(support, "caps", new Dictionary<string, string> { ["Enabled"] = "false" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        var hidden = await support.GetPageAsync(url);
        Assert.Null(hidden.QuerySelector("#CapsCode"));
        // Saving the insurer while CAPS is off, even with a forged field, keeps the stored code.
        using (var edit = await support.SubmitAsync(url, $"form[action='{url}']",
            new Dictionary<string, string> { ["City"] = "Norwich", ["CapsCode"] = "FORGED" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        Assert.Equal("AVIVA01", await factory.WithDbAsync(db => db.ThirdParties.Where(t => t.Id == aviva).Select(t => t.CapsCode).SingleAsync()));

        using (var back = await SaveAsync(support, "caps", new Dictionary<string, string> { ["Enabled"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        }

        Assert.Equal("AVIVA01", (await support.GetPageAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#CapsCode")!.Value);
    }

    [Fact]
    public async Task Testing_a_switched_off_connector_calls_nothing_and_says_so()
    {
        var support = await SignedInAsync(DemoDataSeeder.SupportEmail);
        using (var off = await SaveAsync(support, "audatexuk", new Dictionary<string, string> { ["Enabled"] = "false" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await support.GetPageAsync("/administration/connectors"))
                .QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
        });
        using var test = await support.Http.PostAsync("/administration/connectors/AudatexUk/test", content);
        var page = await support.GetPageAsync("/administration/connectors");

        Assert.Contains("AudatexUK Claims is switched off: nothing was called.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.AudatexUk).Select(s => s.LastCheckAt)
            .SingleAsync()));
    }
}
