using System.Text.RegularExpressions;

namespace PlanManager.UnitTests.Deployment;

/// <summary>deploy/nginx.conf read as text (issue 16): TLS, the forwarded scheme, and the portal's limits.</summary>
public sealed partial class NginxConfTests
{
    private static readonly string Conf = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "nginx.conf"));

    [Fact]
    public void It_terminates_tls_with_the_documented_certificate_path()
    {
        Assert.Matches(@"listen 443 ssl;", Conf);
        Assert.Contains("ssl_certificate     /etc/nginx/certs/planmanager.crt;", Conf, StringComparison.Ordinal);
        Assert.Contains("ssl_certificate_key /etc/nginx/certs/planmanager.key;", Conf, StringComparison.Ordinal);
        Assert.Contains("return 301 https://$host$request_uri;", Conf, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scheme_of_a_terminator_in_front_is_passed_through_not_overwritten()
    {
        Assert.DoesNotContain("X-Forwarded-Proto $scheme", Conf, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $forwarded_proto;", Conf, StringComparison.Ordinal);
    }

    [Fact]
    public void Portal_posts_and_sign_in_are_limited_per_client_and_portal_bodies_kept_small()
    {
        var portal = Location("/portal/");
        Assert.Contains("limit_req zone=portal_posts", portal, StringComparison.Ordinal);
        var size = int.Parse(BodySize().Match(portal).Groups["mb"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(size, 50, 60);
        Assert.Contains("limit_req zone=sign_in", Location("= /account/sign-in"), StringComparison.Ordinal);
        Assert.Contains("limit_req_zone $post_client zone=portal_posts", Conf, StringComparison.Ordinal);
    }

    private static string Location(string name)
    {
        var start = Conf.IndexOf("location " + name + " {", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no location {name}");
        return Conf[start..Conf.IndexOf('}', start)];
    }

    [GeneratedRegex(@"client_max_body_size (?<mb>\d+)m;")]
    private static partial Regex BodySize();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanManager.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PlanManager.sln not found");
    }
}
