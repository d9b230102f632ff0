using System.Net;
using PlanManager.Connectors;
using PlanManager.Connectors.Common;

namespace PlanManager.UnitTests.Connectors;

public sealed class ConnectorRulesTests
{
    [Fact]
    public void A_photo_upload_is_never_repeated_but_json_posts_puts_and_gets_are()
    {
        using var upload = new HttpRequestMessage(HttpMethod.Post, "http://x/v1/bodyshops/B/dossiers/D/photos") { Content = new MultipartFormDataContent() };
        using var accept = new HttpRequestMessage(HttpMethod.Post, "http://x/v1/offers/O/accept") { Content = new StringContent("{}") };
        using var put = new HttpRequestMessage(HttpMethod.Put, "http://x/v1/jobs/1") { Content = new StringContent("{}") };
        using var get = new HttpRequestMessage(HttpMethod.Get, "http://x/v1/offers");

        Assert.False(ConnectorRegistration.IsSafeToRepeat(upload));
        Assert.True(ConnectorRegistration.IsSafeToRepeat(accept));
        Assert.True(ConnectorRegistration.IsSafeToRepeat(put));
        Assert.True(ConnectorRegistration.IsSafeToRepeat(get));
    }

    [Theory]
    [InlineData("http://h/sandbox/claims360/v1/bodyshops/BE0456123789/assignments?page=1", "BE0456123789")]
    [InlineData("http://h/v1/bodyshops/BE%20X/dossiers/D1", "BE X")]
    [InlineData("http://h/v1/offers", null)]
    public void The_claims360_bodyshop_is_read_from_the_path(string url, string? expected) =>
        Assert.Equal(expected, ConnectorCredentialsHandler.CarrosserieId(new Uri(url)));

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ConnectorOutcome.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, ConnectorOutcome.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound, ConnectorOutcome.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ConnectorOutcome.Conflict)]
    [InlineData(HttpStatusCode.BadRequest, ConnectorOutcome.Invalid)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ConnectorOutcome.TooLarge)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, ConnectorOutcome.UnsupportedMedia)]
    [InlineData(HttpStatusCode.TooManyRequests, ConnectorOutcome.RateLimited)]
    [InlineData(HttpStatusCode.RequestTimeout, ConnectorOutcome.Timeout)]
    [InlineData(HttpStatusCode.BadGateway, ConnectorOutcome.ServerError)]
    public void Each_status_means_one_thing_to_the_user(HttpStatusCode status, ConnectorOutcome outcome) =>
        Assert.Equal(outcome, ConnectorCall.FromStatus(status));

    [Fact]
    public void A_bug_in_our_code_is_not_disguised_as_a_platform_failure() =>
        Assert.Null(ConnectorCall.Classify(new InvalidOperationException("a bug")));
}
