using System.IO.Compression;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticAssets;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// What travels per page (issue 18, decision 0020): pages compressed on the wire (Brotli, else gzip),
/// and static files linked with their version (<c>asp-append-version</c>, <c>?v=</c>) cached for a year.
/// </summary>
public static class WireWeight
{
    /// <summary>A year: the longest a cache keeps a file; the URL changes when the file does.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public static IServiceCollection AddPlanManagerCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Every page carries an antiforgery token next to text the user typed (the search box): the BREACH
            // setting. ASP.NET Core encrypts the token afresh for every response (data protection, random
            // per response), so no secret repeats from one compressed page to the next; the sign-in cookie is
            // SameSite=Lax, so another site cannot have the browser fetch pages by the hundred in the
            // background (only a visible top-level navigation carries it). Decision 0020.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: the job list shrinks to a fifth or less either way (tested in JobListCostTests), and the CPU is what a busy office feels.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// A static file asked for with the version the pages link (<c>?v=</c> the file's hash) is cached for a
    /// year, immutable: the browser does not even ask again. Any other static file keeps the static assets'
    /// own <c>no-cache</c> with its ETag (asked again, answered 304). A <c>v</c> that is not the file's own
    /// (an old page, a node still on the previous release) is not made immutable.
    /// </summary>
    public static IApplicationBuilder UseVersionedStaticFileCaching(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.TryGetValue("v", out var version) && version.Count == 1 && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status200OK
                        && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
                        && IsCurrentVersion(context, version.ToString()))
                    {
                        context.Response.Headers.CacheControl = ImmutableCacheControl;
                    }

                    return Task.CompletedTask;
                });
            }

            await next();
        });

    private static bool IsCurrentVersion(HttpContext context, string version)
    {
        var versions = context.RequestServices.GetRequiredService<IFileVersionProvider>();
        var versioned = versions.AddFileVersionToPath(context.Request.PathBase, context.Request.Path.Value ?? string.Empty);
        var at = versioned.IndexOf("?v=", StringComparison.Ordinal);
        return at >= 0 && string.Equals(versioned[(at + 3)..], version, StringComparison.Ordinal);
    }
}
