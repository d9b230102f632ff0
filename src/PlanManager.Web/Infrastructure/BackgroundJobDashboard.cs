using System.Text;
using Hangfire.Dashboard;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// What the app adds to Hangfire's dashboard for Support (issue 22 item 18; docs/reliability.md, "The background jobs
/// dashboard"): its times in the bodyshop's zone on a 24-hour clock, and recurring jobs that cannot be deleted for good.
/// </summary>
public static class BackgroundJobDashboard
{
    // The embedded resource's logical name (PlanManager.Web.csproj), not a text key.
    private static readonly string Script = "PlanManager.BackgroundJobDashboard.js";

    /// <summary>0 until the script is in Hangfire's bundle, which is process-wide (DashboardRoutes is static), so once for all hosts.</summary>
    private static int _scriptAdded;

    /// <summary>The dashboard's own assets and its statistics poll: never a page to rewrite.</summary>
    private static readonly string[] Assets = ["/js", "/css", "/fonts", "/stats"];

    /// <summary>
    /// Adds the time script to Hangfire's bundle. It reads the zone from the page (each host writes its own), so the
    /// process-wide bundle holds no host's setting.
    /// </summary>
    public static void AddTimeScript()
    {
        if (Interlocked.Exchange(ref _scriptAdded, 1) == 0)
        {
            DashboardRoutes.AddJavaScript(typeof(BackgroundJobDashboard).Assembly, Script);
        }
    }

    /// <summary>Runs before Hangfire's dashboard endpoint (after sign-in and the Support policy).</summary>
    public static IApplicationBuilder UseBackgroundJobDashboardAdditions(this IApplicationBuilder app) => app.Use(InvokeAsync);

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(HangfireSetup.DashboardPath, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            await next(context);
            return;
        }

        var page = rest.Value?.TrimEnd('/') ?? string.Empty;
        var recurring = context.RequestServices.GetRequiredService<RecurringJobs>();

        if (HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            // "Delete" on a recurring job: the app needs every one of them, so it is put back at once with its configured schedule.
            if (page.Equals("/recurring/remove", StringComparison.OrdinalIgnoreCase))
            {
                recurring.Register();
            }

            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) || Assets.Any(a => page.StartsWith(a, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        if (page.Equals("/recurring", StringComparison.OrdinalIgnoreCase))
        {
            // One removed some other way (an older node, Hangfire's API) is back before Support reads the list.
            recurring.Register();
        }

        await WithTimeZoneAsync(context, next);
    }

    /// <summary>Writes the bodyshop's IANA zone into Hangfire's page (&lt;html data-time-zone&gt;) for the time script.</summary>
    private static async Task WithTimeZoneAsync(HttpContext context, RequestDelegate next)
    {
        var zone = IanaZone(context.RequestServices.GetRequiredService<DisplayTime>().Zone);
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.ToArray();
        if (zone is not null && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(bytes);
            var at = html.IndexOf("<html ", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                bytes = Encoding.UTF8.GetBytes(html.Insert(at + "<html ".Length, $"data-time-zone=\"{System.Net.WebUtility.HtmlEncode(zone)}\" "));
                context.Response.ContentLength = bytes.Length;
            }
        }

        await original.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The zone as the browser names it (App:TimeZone may be a Windows id); null leaves the browser's own zone.</summary>
    internal static string? IanaZone(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id
        : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana
        : null;
}
