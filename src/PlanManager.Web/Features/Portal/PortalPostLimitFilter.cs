using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using PlanManager.Web.Infrastructure.RateLimiting;

namespace PlanManager.Web.Features.Portal;

/// <summary>
/// Every portal POST counts against its client address (and a booking against a lower limit of its
/// own) before the body is read: an anonymous script cannot flood a bodyshop with jobs, lookups or
/// uploads. Counters in the database hold across web nodes; nginx limits the same posts first.
/// </summary>
public sealed class PortalPostLimitFilter(
    ClientRateLimiter limiter,
    IOptions<PortalOptions> options,
    IModelMetadataProvider metadata,
    ILogger<PortalPostLimitFilter> logger) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await next();
            return;
        }

        var o = options.Value;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var action = context.RouteData.Values["action"] as string;
        var booking = action is nameof(PortalController.Estimate) or nameof(PortalController.Repair);
        var allowed = await limiter.TryAcquireAsync("portal-post", client, new RateLimit(o.PostsPerClient, o.PostWindow), http.RequestAborted)
            && (!booking || await limiter.TryAcquireAsync("portal-booking", client, new RateLimit(o.BookingsPerClient, o.BookingWindow), http.RequestAborted));
        if (allowed)
        {
            await next();
            return;
        }

        logger.LogWarning("Portal {Action} refused for client {Client}: over its limit", action, client);
        context.Result = new ViewResult
        {
            ViewName = "Limited",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary(metadata, context.ModelState),
        };
    }
}
