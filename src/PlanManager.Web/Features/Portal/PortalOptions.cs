using Microsoft.Extensions.Options;
using PlanManager.Web.Infrastructure.RateLimiting;

namespace PlanManager.Web.Features.Portal;

/// <summary>Limits of the public portal: lookups (P2 to P4), posts and bookings per client, photo tickets.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public int LookupsPerClient { get; set; } = 20;
    public int LookupsPerPlate { get; set; } = 5;
    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Every portal POST (bookings, lookups, uploads) of one client address.</summary>
    public int PostsPerClient { get; set; } = 30;
    public TimeSpan PostWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Bookings (estimate or repair) of one client address: a family books a few, a script hundreds.</summary>
    public int BookingsPerClient { get; set; } = 3;
    public TimeSpan BookingWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Uploads one photo ticket allows in its half hour.</summary>
    public int UploadsPerTicket { get; set; } = 3;
}

/// <summary>
/// Counts lookups per client address, and per client address and licence plate, so nobody can
/// try job numbers for a plate (or plates for a number) one after another, and a stranger trying
/// a plate does not block its real owner, who asks from another address. The counters are rows
/// in the database (<see cref="ClientRateLimiter"/>), so they hold across every web node.
/// </summary>
public sealed class PortalLookupLimiter(ClientRateLimiter limiter, IOptions<PortalOptions> options)
{
    public async Task<bool> TryAcquireAsync(string client, string plateKey, CancellationToken cancellationToken)
    {
        var o = options.Value;
        return await limiter.TryAcquireAsync("portal-lookup", client, new RateLimit(o.LookupsPerClient, o.LookupWindow), cancellationToken)
            && await limiter.TryAcquireAsync("portal-plate", client + "|" + plateKey, new RateLimit(o.LookupsPerPlate, o.LookupWindow), cancellationToken);
    }
}
