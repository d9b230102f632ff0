using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure.RateLimiting;

namespace PlanManager.Web.Features.TimeRegistration;

public enum CodeOutcome
{
    SignedIn,
    Wrong,

    /// <summary>Too many attempts from this tablet or client in the window.</summary>
    Limited,

    /// <summary>The tablet is locked after repeated wrong codes.</summary>
    Locked,
}

public sealed record CodeResult(CodeOutcome Outcome, int? TechnicianId = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// A technician's code typed on a tablet (W2). Counted per kiosk and per client address by the database
/// limiter (decision 0011); <see cref="KioskLimits.FailuresBeforeLock"/> wrong codes in a row lock the
/// tablet for <see cref="KioskLimits.Lock"/>. A code is only looked up among the kiosk's repairer's
/// technicians, so it opens nothing at another repairer.
/// </summary>
public sealed class KioskCode(PlanManagerDbContext db, ClientRateLimiter limiter, TimeProvider clock, ILogger<KioskCode> logger)
{
    public static readonly RateLimit PerKiosk = new(12, TimeSpan.FromMinutes(1));
    public static readonly RateLimit PerClient = new(60, TimeSpan.FromMinutes(15));

    public async Task<CodeResult> HandleAsync(KioskContext kiosk, string? code, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kiosk);
        if (kiosk.LockedUntil is { } locked)
        {
            return new CodeResult(CodeOutcome.Locked, LockedUntil: locked);
        }

        if (!await limiter.TryAcquireAsync("kiosk-code", kiosk.KioskId.ToString("N"), PerKiosk, cancellationToken)
            || !await limiter.TryAcquireAsync("kiosk-code-client", client, PerClient, cancellationToken))
        {
            logger.LogWarning("Tablet code refused: kiosk {Kiosk} or client {Client} over its limit", kiosk.KioskId, client);
            return new CodeResult(CodeOutcome.Limited);
        }

        int? technicianId = null;
        if (TechnicianCode.IsWellFormed(code))
        {
            var hash = TechnicianCode.Hash(kiosk.RepairerId, code!);
            technicianId = await db.Technicians.Where(t => t.RepairerId == kiosk.RepairerId && t.Active && t.CodeHash == hash)
                .Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
        }

        var kiosks = db.Kiosks.Where(k => k.Id == kiosk.KioskId);
        if (technicianId is not null)
        {
            await kiosks.ExecuteUpdateAsync(s => s.SetProperty(k => k.FailedCodes, 0), cancellationToken);
            return new CodeResult(CodeOutcome.SignedIn, technicianId);
        }

        // Raised atomically, so wrong codes from two requests at once both count.
        await kiosks.ExecuteUpdateAsync(s => s.SetProperty(k => k.FailedCodes, k => k.FailedCodes + 1), cancellationToken);
        var failures = await kiosks.Select(k => k.FailedCodes).SingleAsync(cancellationToken);
        if (failures >= KioskLimits.FailuresBeforeLock)
        {
            var until = clock.GetUtcNow() + KioskLimits.Lock;
            await kiosks.ExecuteUpdateAsync(s => s.SetProperty(k => k.FailedCodes, 0).SetProperty(k => k.LockedUntil, until), cancellationToken);
            logger.LogWarning("Tablet {Kiosk} locked until {Until} after {Failures} wrong codes", kiosk.KioskId, until, failures);
            return new CodeResult(CodeOutcome.Locked, LockedUntil: until);
        }

        return new CodeResult(CodeOutcome.Wrong);
    }
}
