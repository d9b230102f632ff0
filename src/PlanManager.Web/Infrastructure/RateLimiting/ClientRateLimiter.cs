using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.RateLimiting;

/// <summary>One limit: so many requests per window.</summary>
public sealed record RateLimit(int Permits, TimeSpan Window);

/// <summary>
/// Fixed-window counters in the database, so a limit holds across every web node (an in-memory
/// limiter multiplies it by the node count). The counter is raised first and compared after, with
/// one atomic UPDATE, so parallel requests cannot all slip under the limit. It uses its own scope
/// (its own DbContext): a counter is saved whether or not the request's own work is.
/// </summary>
public sealed class ClientRateLimiter(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Counts one request of <paramref name="partition"/>; false when it is over the limit.</summary>
    public Task<bool> TryAcquireAsync(string scope, string partition, RateLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var windowMs = Math.Max(1000L, (long)limit.Window.TotalMilliseconds);
        var window = clock.GetUtcNow().ToUnixTimeMilliseconds() / windowMs;
        return AcquireAsync(RateLimitKeys.Make(scope, window, partition), DateTimeOffset.FromUnixTimeMilliseconds((window + 1) * windowMs), limit.Permits, cancellationToken);
    }

    /// <summary>Counts one use of a single thing (a photo ticket) that may be used <paramref name="permits"/> times before it runs out.</summary>
    public Task<bool> TryUseAsync(string scope, string id, int permits, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        AcquireAsync(RateLimitKeys.Make(scope, 0, id), expiresAt, permits, cancellationToken);

    private async Task<bool> AcquireAsync(string key, DateTimeOffset expiresAt, int permits, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var owned = scopes.CreateAsyncScope();
        var db = owned.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        if (await RaiseAsync(db, key, cancellationToken) == 0)
        {
            db.RateLimitCounters.Add(new RateLimitCounter { Key = key, Count = 1, ExpiresAt = expiresAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request (or node) made the row first: count on it.
                db.ChangeTracker.Clear();
                await RaiseAsync(db, key, cancellationToken);
            }

            // A new window is the moment to drop the rows of windows that are over.
            await db.RateLimitCounters.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        }

        var count = await db.RateLimitCounters.AsNoTracking().Where(c => c.Key == key).Select(c => c.Count).FirstOrDefaultAsync(cancellationToken);
        return count <= permits;
    }

    private static Task<int> RaiseAsync(PlanManagerDbContext db, string key, CancellationToken cancellationToken) =>
        db.RateLimitCounters.Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
}
