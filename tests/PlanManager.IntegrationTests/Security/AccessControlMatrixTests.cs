using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Security;

/// <summary>
/// Every endpoint of the app, read from the endpoint data source (not a hand list), against the
/// rule it must follow. A new endpoint without a rule here fails the first test: whoever adds a
/// page decides, on purpose, who may open it.
/// </summary>
public sealed partial class AccessControlMatrixTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Anonymous,

        /// <summary>Signed-in Staff or Support.</summary>
        Staff,

        /// <summary>Signed-in Support only.</summary>
        Support,

        /// <summary>The workshop tablet (W2): only with the kiosk cookie; anonymous, Staff and Support alike are refused (403) without it.</summary>
        Kiosk,

        /// <summary>Machine-to-machine: checks its own credentials (the sandbox platforms).</summary>
        OwnCredentials,
    }

    /// <summary>"METHOD pattern" → who may call it.</summary>
    public static readonly Dictionary<string, Access> Rules = new(StringComparer.Ordinal)
    {
        ["GET "] = Access.Staff,
        ["* error/{code:int?}"] = Access.Anonymous,
        ["* /healthz"] = Access.Anonymous,
        ["* /healthz/ready"] = Access.Anonymous,
        ["GET account/sign-in"] = Access.Anonymous,
        ["POST account/sign-in"] = Access.Anonymous,
        ["POST account/sign-out"] = Access.Staff,
        ["GET account/access-denied"] = Access.Anonymous,
        ["POST language"] = Access.Anonymous,
        ["GET jobs"] = Access.Staff,
        ["GET reports"] = Access.Staff,
        ["POST jobs/export.csv"] = Access.Staff,
        ["POST jobs/export.xlsx"] = Access.Staff,
        // A background export's file: only who started it gets it (BackgroundExportTests); anyone else "no longer kept" (404).
        ["GET jobs/exports/{name}"] = Access.Staff,
        ["GET jobs/new"] = Access.Staff,
        ["POST jobs/new"] = Access.Staff,
        ["GET jobs/{id:int}"] = Access.Staff,
        ["POST jobs/{id:int}"] = Access.Staff,
        ["POST jobs/{id:int}/off-site"] = Access.Staff,
        ["GET jobs/{jobId:int}/photos/{photoId:int}"] = Access.Staff,
        ["GET jobs/{jobId:int}/photos/{photoId:int}/thumbnail"] = Access.Staff,
        ["POST jobs/{jobId:int}/photos"] = Access.Staff,
        ["POST jobs/{jobId:int}/photos/{photoId:int}/delete"] = Access.Staff,
        ["GET workshop/vehicles-inside"] = Access.Staff,
        ["POST workshop/vehicles-inside/off-site"] = Access.Staff,
        ["GET planning"] = Access.Staff,
        ["GET planning/month"] = Access.Staff,
        ["GET planning/day-sheet"] = Access.Staff,
        ["GET planning/jobs/{id:int}"] = Access.Staff,
        ["POST planning/jobs/{id:int}/plan"] = Access.Staff,
        ["POST planning/jobs/{id:int}/hours"] = Access.Staff,
        ["GET planning/capacity/{repairerId:int}"] = Access.Staff,
        ["POST planning/capacity/{repairerId:int}"] = Access.Support,
        ["GET workshop/time"] = Access.Staff,
        ["GET workshop/time/week"] = Access.Staff,
        ["GET workshop/time/day.csv"] = Access.Staff,
        ["GET workshop/time/week.csv"] = Access.Staff,
        ["GET workshop/time/technicians"] = Access.Staff,
        ["GET workshop/time/technicians/new"] = Access.Staff,
        ["POST workshop/time/technicians/new"] = Access.Staff,
        ["GET workshop/time/technicians/{id:int}"] = Access.Staff,
        ["POST workshop/time/technicians/{id:int}"] = Access.Staff,
        ["POST workshop/time/technicians/{id:int}/new-code"] = Access.Staff,
        ["POST workshop/time/technicians/{id:int}/deactivate"] = Access.Staff,
        ["GET workshop/time/tablets"] = Access.Staff,
        ["POST workshop/time/tablets/open"] = Access.Staff,
        ["POST workshop/time/tablets/{id:guid}/close"] = Access.Staff,
        ["GET workshop/time/jobs/{jobId:int}"] = Access.Staff,
        ["GET workshop/time/lines/{id:long}"] = Access.Staff,
        ["POST workshop/time/lines/{id:long}"] = Access.Staff,
        ["POST workshop/time/lines/{id:long}/review"] = Access.Staff,
        ["GET workshop/tablet"] = Access.Kiosk,
        ["POST workshop/tablet/code"] = Access.Kiosk,
        ["GET workshop/tablet/cars"] = Access.Kiosk,
        ["POST workshop/tablet/start"] = Access.Kiosk,
        ["POST workshop/tablet/pause"] = Access.Kiosk,
        ["POST workshop/tablet/stop"] = Access.Kiosk,
        ["POST workshop/tablet/done"] = Access.Kiosk,
        ["GET repairers"] = Access.Staff,
        ["GET repairers/new"] = Access.Staff,
        ["POST repairers/new"] = Access.Staff,
        ["GET repairers/{id:int}"] = Access.Staff,
        ["POST repairers/{id:int}"] = Access.Staff,
        ["GET third-parties/{kind:regex(^(owners|insurers|agents)$)}"] = Access.Staff,
        ["GET third-parties/{kind:regex(^(owners|insurers|agents)$)}/lookup"] = Access.Staff,
        ["GET third-parties/{kind:regex(^(owners|insurers|agents)$)}/new"] = Access.Staff,
        ["POST third-parties/{kind:regex(^(owners|insurers|agents)$)}/new"] = Access.Staff,
        ["GET third-parties/{kind:regex(^(owners|insurers|agents)$)}/{id:int}"] = Access.Staff,
        ["POST third-parties/{kind:regex(^(owners|insurers|agents)$)}/{id:int}"] = Access.Staff,
        ["POST third-parties/{kind:regex(^(owners|insurers|agents)$)}/{id:int}/delete"] = Access.Staff,
        ["GET administration"] = Access.Support,
        ["GET administration/connectors"] = Access.Support,
        ["POST administration/connectors/{kind}"] = Access.Support,
        ["POST administration/connectors/{kind}/test"] = Access.Support,
        ["* /administration/background-jobs/{**path}"] = Access.Support,
        // Customer messages (M1): Support reads the outbox and edits templates; staff send from the job screen.
        ["GET administration/messages"] = Access.Support,
        ["GET administration/messages/{id:long}"] = Access.Support,
        ["GET administration/messages/{id:long}/html"] = Access.Support,
        ["POST administration/messages/{id:long}/retry"] = Access.Support,
        ["GET administration/messages/templates"] = Access.Support,
        ["POST administration/messages/templates"] = Access.Support,
        ["POST jobs/{jobId:int}/messages"] = Access.Staff,
        ["GET appointments"] = Access.Staff,
        ["GET appointments/{id:int}/photos/{photoId:int}"] = Access.Staff,
        ["POST appointments/schedule/{repairerId:int}"] = Access.Staff,
        ["POST appointments/{id:int}/cancel"] = Access.Staff,
        ["POST appointments/{id:int}/confirm"] = Access.Staff,
        ["POST appointments/{id:int}/move"] = Access.Staff,
        ["POST jobs/{jobId:int}/portal-photos/seen"] = Access.Staff,
        ["GET claims360"] = Access.Staff,
        ["POST claims360/setup"] = Access.Staff,
        ["POST claims360/refresh"] = Access.Staff,
        ["POST claims360/items/{id:int}/accept"] = Access.Staff,
        ["POST claims360/items/{id:int}/refuse"] = Access.Staff,
        ["POST jobs/{id:int}/claims360/export"] = Access.Staff,
        ["POST jobs/{id:int}/claims360/photos"] = Access.Staff,
        ["POST jobs/{id:int}/claims360/synchronise"] = Access.Staff,
        ["GET job-queue/informex"] = Access.Staff,
        ["POST job-queue/informex/import"] = Access.Staff,
        ["GET progress/{id:int}"] = Access.Staff,
        ["GET jobs/{id:int}/winformex"] = Access.Staff,
        ["POST jobs/{id:int}/winformex"] = Access.Staff,
        ["POST jobs/{id:int}/winformex/send"] = Access.Staff,
        ["POST jobs/{id:int}/winformex/link"] = Access.Staff,
        ["POST jobs/{id:int}/winformex/estimate"] = Access.Staff,
        ["GET administration/claims360/{repairer:int}"] = Access.Support,
        ["POST administration/claims360/{repairer:int}"] = Access.Support,
        ["GET job-queue/{platform:regex(^(caps|audatex-uk)$)}"] = Access.Staff,
        ["GET job-queue/{platform:regex(^(caps|audatex-uk)$)}/decided"] = Access.Staff,
        ["POST job-queue/{platform:regex(^(caps|audatex-uk)$)}/{id:int}/accept"] = Access.Staff,
        ["POST job-queue/{platform:regex(^(caps|audatex-uk)$)}/{id:int}/deny"] = Access.Staff,
        // The Self Service Portal is public (P1-P5); it answers 404 while support has it off.
        ["GET portal"] = Access.Anonymous,
        ["GET portal/{**rest}"] = Access.Anonymous,
        ["GET portal/{repairerId:int}"] = Access.Anonymous,
        ["GET portal/{repairerId:int}/booked"] = Access.Anonymous,
        ["GET portal/{repairerId:int}/estimate"] = Access.Anonymous,
        ["GET portal/{repairerId:int}/photos"] = Access.Anonymous,
        ["GET portal/{repairerId:int}/repair"] = Access.Anonymous,
        ["GET portal/{repairerId:int}/status"] = Access.Anonymous,
        ["POST portal/{repairerId:int}/estimate"] = Access.Anonymous,
        ["POST portal/{repairerId:int}/photos"] = Access.Anonymous,
        ["POST portal/{repairerId:int}/photos/upload"] = Access.Anonymous,
        ["POST portal/{repairerId:int}/repair"] = Access.Anonymous,
        ["POST portal/{repairerId:int}/status"] = Access.Anonymous,
    };

    private static List<(string Key, string Method, string Pattern)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? string.Empty).StartsWith("/sandbox", StringComparison.Ordinal))
            // Static files (stylesheets, scripts) are public by design; StaticAssetTests covers them.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null
                && !(e.RoutePattern.RawText ?? string.Empty).Contains(":file}", StringComparison.Ordinal))
            .SelectMany(e =>
            {
                var pattern = e.RoutePattern.RawText ?? string.Empty;
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                return methods.Select(m => ($"{m} {pattern}", m, pattern));
            })
            .Distinct()
            .ToList();

    [Fact]
    public void Every_endpoint_has_an_explicit_rule()
    {
        var endpoints = Endpoints(factory.Services);
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found: the enumeration is broken");
        var missing = endpoints.Select(e => e.Key).Where(k => !Rules.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a rule:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Anonymous_staff_and_support_get_exactly_what_the_rules_say()
    {
        var anonymous = factory.CreateBrowserLikeClient();
        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var support = new HtmlClient(factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        var checkedCount = 0;

        foreach (var (key, method, pattern) in Endpoints(factory.Services).Where(e => e.Method is "GET" or "*"))
        {
            var rule = Rules[key];
            var url = Sample(pattern);
            var (a, s, p) = (await GetAsync(anonymous, url), await GetAsync(staff.Http, url), await GetAsync(support.Http, url));
            switch (rule)
            {
                case Access.Anonymous:
                    Assert.False(IsSignIn(a), $"{key}: anonymous was sent to sign in");
                    break;
                case Access.Kiosk:
                    Assert.True(a.StatusCode == HttpStatusCode.Forbidden, $"{key}: anonymous got {(int)a.StatusCode}");
                    Assert.True(s.StatusCode == HttpStatusCode.Forbidden, $"{key}: staff got {(int)s.StatusCode}");
                    Assert.True(p.StatusCode == HttpStatusCode.Forbidden, $"{key}: support got {(int)p.StatusCode}");
                    break;
                case Access.Staff:
                    Assert.True(IsSignIn(a), $"{key}: anonymous got {(int)a.StatusCode}");
                    Assert.False(IsSignIn(s) || IsDenied(s), $"{key}: staff was refused");
                    Assert.False(IsSignIn(p) || IsDenied(p), $"{key}: support was refused");
                    break;
                case Access.Support:
                    Assert.True(IsSignIn(a), $"{key}: anonymous got {(int)a.StatusCode}");
                    Assert.True(IsDenied(s), $"{key}: staff got {(int)s.StatusCode}");
                    Assert.False(IsSignIn(p) || IsDenied(p), $"{key}: support was refused");
                    break;
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 15, $"only {checkedCount} GET endpoints checked");
    }

    [Fact]
    public async Task Every_unsafe_request_without_an_antiforgery_token_is_refused()
    {
        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.SupportEmail);
        var checkedCount = 0;
        foreach (var (key, _, pattern) in Endpoints(factory.Services).Where(e => e.Method == "POST" && Rules[e.Key] != Access.OwnCredentials))
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x" });
            using var response = await staff.Http.PostAsync(Sample(pattern), content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{key} answered {(int)response.StatusCode} without a token");
            checkedCount++;
        }

        Assert.True(checkedCount > 10, $"only {checkedCount} POST endpoints checked");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.Dispose();
        return response;
    }

    private static bool IsSignIn(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal);

    private static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));

    /// <summary>A concrete address for a pattern: ids become 1, kinds a real one, catch-alls empty.</summary>
    internal static string Sample(string pattern)
    {
        var url = Parameter().Replace(pattern, m => m.Groups["name"].Value switch
        {
            var n when n.StartsWith("**", StringComparison.Ordinal) => string.Empty,
            "kind" when m.Value.Contains("regex", StringComparison.Ordinal) => "owners",
            "kind" => "Caps",
            "id" when m.Value.Contains("guid", StringComparison.Ordinal) => "00000000-0000-0000-0000-000000000001",
            "code" => "404",
            "repairerId" or "repairer" => "1",
            "platform" => "caps",
            _ => "1",
        });
        return "/" + url.TrimStart('/');
    }

    [GeneratedRegex(@"\{(?<name>\**[A-Za-z]+)(:[^{}]*(\{[^}]*\})?[^{}]*)?\??\}")]
    private static partial Regex Parameter();
}
