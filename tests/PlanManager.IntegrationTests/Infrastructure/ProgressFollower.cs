using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>Follows work a page started in the background (decision 0016) to its end, as a browser without script would: by reloading the page.</summary>
public static class ProgressFollower
{
    /// <summary>The id of the progress a redirect names (?progress=id).</summary>
    public static int ProgressId(HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("https://localhost"), redirect.Headers.Location!).Query);
        return int.Parse(query["progress"].Single()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The page the redirect leads to, once the work has ended (its outcome message in place of the bar).</summary>
    public static async Task<IHtmlDocument> FollowAsync(HtmlClient browser, HttpResponseMessage redirect, int seconds = 120)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(redirect);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var url = redirect.Headers.Location!.OriginalString;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var page = await browser.GetPageAsync(url);
            if (page.QuerySelector("[data-testid=progress]") is null)
            {
                Assert.NotNull(page.QuerySelector("[data-testid=progress-outcome]"));
                return page;
            }

            Assert.True(DateTime.UtcNow < until, $"the work at {url} did not end in {seconds} s");
            await Task.Delay(200);
        }
    }

    /// <summary>The outcome message of the page the redirect leads to, once the work has ended.</summary>
    public static async Task<string> OutcomeAsync(HtmlClient browser, HttpResponseMessage redirect) =>
        (await FollowAsync(browser, redirect)).QuerySelector("[data-testid=progress-outcome]")!.TextContent.Trim();

    /// <summary>The JSON the bar polls.</summary>
    public static async Task<JsonElement> PollAsync(HttpClient http, int id)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri($"/progress/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
