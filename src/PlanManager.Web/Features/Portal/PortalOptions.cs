using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PlanManager.Web.Features.Portal;

/// <summary>Limits of the public portal's plate + job number lookups (P3, P4, P2).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public int LookupsPerClient { get; set; } = 20;
    public int LookupsPerPlate { get; set; } = 5;
    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Counts lookups per client address and per licence plate, so nobody can try job numbers for a
/// plate (or plates for a number) one after another. In memory: each web node counts its own.
/// </summary>
public sealed class PortalLookupLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly PartitionedRateLimiter<string> _perPlate;

    public PortalLookupLimiter(IOptions<PortalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _perClient = Create(o.LookupsPerClient, o.LookupWindow);
        _perPlate = Create(o.LookupsPerPlate, o.LookupWindow);
    }

    public bool TryAcquire(string client, string plateKey)
    {
        using var clientLease = _perClient.AttemptAcquire(client);
        if (!clientLease.IsAcquired)
        {
            return false;
        }

        using var plateLease = _perPlate.AttemptAcquire(plateKey);
        return plateLease.IsAcquired;
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perPlate.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
