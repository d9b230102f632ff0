using System.Net;
using PlanManager.IntegrationTests.Infrastructure;

namespace PlanManager.IntegrationTests.Platform;

public sealed class StaticAssetTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    [Theory]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css", "text/css")]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/site.js", "text/javascript")]
    public async Task The_stylesheets_and_scripts_the_sign_in_page_needs_are_served_without_sign_in(string path, string contentType)
    {
        using var client = factory.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // Browsers ask for compressed copies; those must be served too, not only the plain file.
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{path} was served empty");
    }
}
