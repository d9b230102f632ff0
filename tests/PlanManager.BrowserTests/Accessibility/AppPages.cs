using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.BrowserTests.Accessibility;

/// <summary>Who opens a page: nobody signed in (sign-in, errors, the portal), Staff, or Support.</summary>
public enum Audience
{
    Anonymous,
    Staff,
    Support,
}

/// <summary>One page to scan: the route it comes from, a real address, and who opens it.</summary>
public sealed record AppPage(string Pattern, string Url, Audience Audience)
{
    public bool IsPortal => Url.StartsWith("/portal", StringComparison.Ordinal);
}

/// <summary>
/// Every page of the app, read from its GET endpoints as the access matrix reads them (not a hand
/// list), so a new page is scanned the day it is added. Route values are real rows of the demo
/// data; a new route parameter the resolver does not know fails the scan, asking for a value.
/// </summary>
public static partial class AppPages
{
    /// <summary>GET endpoints that answer something other than a page, with the reason.</summary>
    public static readonly Dictionary<string, string> NotPages = new(StringComparer.Ordinal)
    {
        ["* /healthz"] = "health check: plain text for the load balancer",
        ["* /healthz/ready"] = "health check: JSON for the load balancer",
        ["GET jobs/{jobId:int}/photos/{photoId:int}"] = "a photo (image/jpeg)",
        ["GET jobs/{jobId:int}/photos/{photoId:int}/thumbnail"] = "a photo thumbnail (image/jpeg)",
        ["GET appointments/{id:int}/photos/{photoId:int}"] = "a photo a new customer sent with a booking request (image)",
        ["GET third-parties/{kind:regex(^(owners|insurers|agents)$)}/lookup"] = "the party picker's JSON",
        ["GET workshop/tablet"] = "the workshop tablet's code pad: needs a tablet opened by staff (kiosk cookie); walked in TabletTests",
        ["GET workshop/tablet/cars"] = "the workshop tablet's car list: needs a kiosk and a technician's code; walked in TabletTests",
        ["GET workshop/time/day.csv"] = "a CSV file (the day timesheet)",
        ["GET workshop/time/week.csv"] = "a CSV file (the week totals)",
        ["GET jobs/exports/{name}"] = "a background export's file (CSV or Excel) for who started it; else the 404 \"no longer kept\" page",
        ["* /administration/background-jobs/{**path}"] = "Hangfire's own dashboard (its markup, not ours); Support only",
        ["GET progress/{id:int}"] = "the JSON the progress bar polls; the bar itself is scanned mid-way in ProgressBrowserTests",
        ["GET administration/messages/{id:long}/html"] = "a customer e-mail's HTML part, shown in a sandboxed frame of the message page (which is scanned)",
    };

    public static IReadOnlyList<(string Key, string Pattern, Audience Audience)> GetEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? string.Empty).StartsWith("/sandbox", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null
                && !(e.RoutePattern.RawText ?? string.Empty).Contains(":file}", StringComparison.Ordinal))
            .SelectMany(e =>
            {
                var pattern = e.RoutePattern.RawText ?? string.Empty;
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                return methods.Where(m => m is "GET" or "*").Select(m => ($"{m} {pattern}", pattern, AudienceOf(e)));
            })
            .Distinct()
            .OrderBy(e => e.Item1, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every page with real addresses; regex routes with a fixed list of values give one page per value.</summary>
    public static async Task<IReadOnlyList<AppPage>> ListAsync(PlanManagerFactory factory)
    {
        var data = await SampleData.LoadAsync(factory);
        var pages = new List<AppPage>();
        foreach (var (key, pattern, audience) in GetEndpoints(factory.Services))
        {
            if (NotPages.ContainsKey(key))
            {
                continue;
            }

            foreach (var url in Expand(pattern, data))
            {
                pages.Add(new AppPage(pattern, url, audience));
            }
        }

        return pages;
    }

    private static Audience AudienceOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Audience.Anonymous;
        }

        return endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(a => a.Policy == IdentitySetup.SupportPolicy || (a.Roles ?? string.Empty).Contains(Roles.Support, StringComparison.Ordinal))
            ? Audience.Support
            : Audience.Staff;
    }

    /// <summary>The concrete addresses of a pattern: each parameter replaced by real values.</summary>
    private static IEnumerable<string> Expand(string pattern, SampleData data)
    {
        var match = Parameter().Match(pattern);
        if (!match.Success)
        {
            return ["/" + pattern.TrimStart('/')];
        }

        var name = match.Groups["name"].Value;
        var constraint = match.Groups["constraint"].Value;
        var values = ChoiceList().Match(constraint) is { Success: true } choices
            ? choices.Groups["list"].Value.Split('|')
            : [data.ValueFor(name, pattern)];
        return values.SelectMany(v => Expand(pattern[..match.Index] + v + pattern[(match.Index + match.Length)..], data));
    }

    // {name}, {name:int}, {name:int?}, {name:regex(^(a|b)$)}, {**path}
    [GeneratedRegex(@"\{(?<name>\**[A-Za-z]+)(?<constraint>:[^{}]*(\{[^}]*\})?[^{}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^:regex\(\^\((?<list>[a-z0-9-]+(\|[a-z0-9-]+)*)\)\$\)$")]
    private static partial Regex ChoiceList();

    /// <summary>Real rows of the demo data to fill route values with: the richest of each kind.</summary>
    private sealed record SampleData(int JobId, int BelgianJobId, int RepairerId, int Claims360RepairerId, Dictionary<string, int> PartyByKind,
        long MessageId,
        int TechnicianId,
        long ClockLineId)
    {
        public static async Task<SampleData> LoadAsync(PlanManagerFactory factory) => await factory.WithDbAsync(async db =>
        {
            // A car inside, in repair, with owner and insurer: the job screen with most on it.
            var job = await db.Jobs.Where(j => j.VehicleIn && j.Status == JobStatus.InRepair && j.OwnerId != null && j.InsurerId != null)
                .OrderByDescending(j => j.Number).Select(j => j.Id).FirstAsync();
            // The newest job of a Belgian repairer carries the plate of an Informex transmission (Winformex pick-list).
            var belgian = await db.Jobs.Where(j => j.Repairer!.Country == "BE" && j.Repairer.ExternalReference != null)
                .OrderByDescending(j => j.Number).Select(j => j.Id).FirstAsync();
            var repairer = await db.Repairers.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var claims360 = await db.Claims360Setups.OrderBy(s => s.RepairerId).Select(s => s.RepairerId).FirstAsync();
            var parties = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (kind, segment) in new[] { (ThirdPartyKind.Owner, "owners"), (ThirdPartyKind.Insurer, "insurers"), (ThirdPartyKind.Agent, "agents") })
            {
                parties[segment] = await db.ThirdParties.Where(p => p.Kind == kind).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            }

            // A customer message of the demo outbox (cars ready to collect).
            var message = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            // A corrected-or-flagged demo line has the most on its page; any clock line will do otherwise.
            var line = await db.ClockLines.OrderByDescending(l => l.NeedsReview).ThenBy(l => l.Id).Select(l => new { l.Id, l.TechnicianId }).FirstAsync();
            return new SampleData(job, belgian, repairer, claims360, parties, message, line.TechnicianId, line.Id);
        });

        public string ValueFor(string name, string pattern) => name switch
        {
            "**rest" => "no-such-page",
            _ when name.StartsWith("**", StringComparison.Ordinal) => string.Empty,
            "code" => "404",
            "id" when pattern.StartsWith("jobs/", StringComparison.Ordinal) && pattern.Contains("winformex", StringComparison.Ordinal) => Text(BelgianJobId),
            "id" or "jobId" when pattern.StartsWith("jobs/", StringComparison.Ordinal) => Text(JobId),
            "id" when pattern.StartsWith("planning/jobs/", StringComparison.Ordinal) => Text(JobId),
            "id" when pattern.StartsWith("repairers/", StringComparison.Ordinal) => Text(RepairerId),
            "id" when pattern.StartsWith("administration/messages/", StringComparison.Ordinal)
                => MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when pattern.StartsWith("workshop/time/technicians/", StringComparison.Ordinal) => Text(TechnicianId),
            "id" when pattern.StartsWith("workshop/time/lines/", StringComparison.Ordinal) => Text(ClockLineId),
            "jobId" when pattern.StartsWith("workshop/time/jobs/", StringComparison.Ordinal) => Text(JobId),
            "id" when pattern.StartsWith("third-parties/", StringComparison.Ordinal) => Text(PartyByKind[pattern.Split('/')[1]]),
            "repairer" when pattern.Contains("claims360", StringComparison.Ordinal) => Text(Claims360RepairerId),
            "repairerId" or "repairer" => Text(RepairerId),
            _ => throw new InvalidOperationException(
                $"The route {pattern} has a parameter {{{name}}} the accessibility scan has no real value for: add one to AppPages.SampleData.ValueFor."),
        };

        private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
