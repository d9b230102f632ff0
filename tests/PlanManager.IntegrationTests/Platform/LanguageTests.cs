using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web;

namespace PlanManager.IntegrationTests.Platform;

public sealed class LanguageTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    [Theory]
    [InlineData("nl-BE", "Nummerplaat", "Nieuw dossier")]
    [InlineData("fr-BE", "Plaque", "Nouveau dossier")]
    [InlineData("en-GB", "Registration", "New job")]
    public async Task The_chosen_language_is_remembered_for_the_next_pages(string culture, string registration, string newJob)
    {
        using var chosen = await Browser.SubmitAsync("/jobs", "form[data-language-form]",
            new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/jobs" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/jobs", chosen.Headers.Location!.OriginalString);

        var page = await Browser.GetPageAsync("/jobs");
        Assert.Equal(registration, page.QuerySelector("table.pm-table th:nth-child(2) a")!.TextContent.Trim().TrimEnd('▲', '▼', ' '));
        Assert.Contains(newJob, page.QuerySelector("a.btn-primary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(culture[..2], page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Validation_messages_follow_the_language_too()
    {
        using var _ = await Browser.SubmitAsync("/jobs", "form[data-language-form]",
            new Dictionary<string, string> { ["culture"] = "nl-BE", ["returnUrl"] = "/jobs" });
        using var response = await Browser.SubmitAsync("/jobs/new", "#job-form",
            new Dictionary<string, string> { ["Form.Registration"] = "", ["Form.Vin"] = "123" }, "save");

        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Een chassisnummer heeft 17 letters en cijfers, zonder I, O of Q.", HtmlClient.FieldError(page, "Form.Vin"));
        Assert.Contains("Nummerplaat", HtmlClient.FieldError(page, "Form.Registration"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_reads_the_same_through_the_apps_cached_texts_as_through_the_frameworks_lookup_in_each_language()
    {
        Assert.IsType<PlanManager.Web.Infrastructure.CachedStringLocalizerFactory>(Factory.Services.GetRequiredService<IStringLocalizerFactory>());
        var cached = Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var framework = Factory.Services.GetRequiredService<ResourceManagerStringLocalizerFactory>().Create(typeof(SharedResource));
        var original = CultureInfo.CurrentUICulture;
        var originalFormat = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-GB", "nl-BE", "fr-BE", "de-DE" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                var keys = framework.GetAllStrings(true).Select(t => t.Name).ToList();
                Assert.True(keys.Count > 1000);
                for (var pass = 0; pass < 2; pass++)
                {
                    Assert.All(keys, key => Assert.Equal(framework[key].Value, cached[key].Value));
                }

                Assert.Equal(framework["Dashboard.CarsInsideLink", 1234.5m].Value, cached["Dashboard.CarsInsideLink", 1234.5m].Value);
                Assert.True(cached["No.Such.Text"].ResourceNotFound);
                Assert.Equal("No.Such.Text", cached["No.Such.Text"].Value);
            }

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
            Assert.Equal("Nummerplaat", cached["Job.Registration"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
            CultureInfo.CurrentCulture = originalFormat;
        }
    }

    [Fact]
    public async Task The_kept_menu_follows_the_role_the_section_and_the_language_of_each_page()
    {
        var support = new HtmlClient(Factory.CreateBrowserLikeClient());
        await support.SignInAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.SupportEmail);
        static string? Active(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#mainMenu .nav-link.active")?.TextContent.Trim();
        static bool Admin(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#mainMenu a[href='/administration/connectors']") is not null;

        for (var pass = 0; pass < 2; pass++)
        {
            Assert.False(Admin(await Browser.GetPageAsync("/jobs")));
            Assert.True(Admin(await support.GetPageAsync("/jobs")));
            Assert.Equal("Job", Active(await Browser.GetPageAsync("/jobs")));
            Assert.Equal("Third parties", Active(await Browser.GetPageAsync("/third-parties/owners")));
        }

        using var _ = await Browser.SubmitAsync("/jobs", "form[data-language-form]",
            new Dictionary<string, string> { ["culture"] = "nl-BE", ["returnUrl"] = "/jobs" });
        var dutch = await Browser.GetPageAsync("/third-parties/owners");
        Assert.Equal("Derden", Active(dutch));
        Assert.Equal("Dossierlijst", dutch.QuerySelector("#mainMenu a[href='/jobs']")!.TextContent.Trim());
        Assert.Equal("Job List", (await support.GetPageAsync("/jobs")).QuerySelector("#mainMenu a[href='/jobs']")!.TextContent.Trim());
    }
}
