using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Repairers;

/// <summary>
/// The repairers offered in filters are kept in memory (issue 18, decision 0025): a repairer a support user adds or renames
/// is offered on the very next page all the same.
/// </summary>
public sealed class RepairerOptionsTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>, IAsyncLifetime
{
    private readonly HtmlClient _support = new(factory.CreateBrowserLikeClient());

    public Task InitializeAsync() => _support.SignInAsync(DemoDataSeeder.SupportEmail);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> OfferedOnAsync(string url)
    {
        var page = await _support.GetPageAsync(url);
        return [.. page.QuerySelectorAll("select#repairer option").Select(o => o.TextContent.Trim())];
    }

    [Fact]
    public async Task A_repairer_added_or_renamed_is_offered_in_the_filters_at_once()
    {
        // Read (and kept) before the change.
        Assert.DoesNotContain("Carrosserie Kept Test", await OfferedOnAsync("/jobs"));
        Assert.DoesNotContain("Carrosserie Kept Test", await OfferedOnAsync("/workshop/vehicles-inside"));

        using (var created = await _support.SubmitAsync("/repairers/new", "form[method=post][action='/repairers/new']",
            new Dictionary<string, string> { ["Name"] = "Carrosserie Kept Test", ["City"] = "Aalst", ["Country"] = "BE" }))
        {
            Assert.Equal("/repairers", created.Headers.Location?.OriginalString);
        }

        Assert.Contains("Carrosserie Kept Test", await OfferedOnAsync("/jobs"));
        Assert.Contains("Carrosserie Kept Test", await OfferedOnAsync("/workshop/vehicles-inside"));

        var id = await factory.WithDbAsync(db => db.Repairers.Where(r => r.Name == "Carrosserie Kept Test").Select(r => r.Id).SingleAsync());
        using (var renamed = await _support.SubmitAsync($"/repairers/{id}", $"form[method=post][action='/repairers/{id}']",
            new Dictionary<string, string> { ["Name"] = "Carrosserie Renamed Test" }))
        {
            Assert.Equal("/repairers", renamed.Headers.Location?.OriginalString);
        }

        var offered = await OfferedOnAsync("/jobs");
        Assert.Contains("Carrosserie Renamed Test", offered);
        Assert.DoesNotContain("Carrosserie Kept Test", offered);
    }
}
