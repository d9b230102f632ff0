using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Features.TimeRegistration;

/// <summary>The open tablet of a request and, after a right code, the technician using it.</summary>
public sealed record KioskContext(Guid KioskId, int RepairerId, string RepairerName, string KioskName, DateTimeOffset? LockedUntil, int? TechnicianId, string? TechnicianName,
    DateTimeOffset? TechnicianUntil);

/// <summary>
/// The two tablet cookies (decision 0014). The kiosk cookie names a <see cref="Kiosk"/> row: long-lived,
/// data-protected, HttpOnly, Secure, SameSite=Strict, only sent to /workshop/tablet. The technician
/// cookie names the technician who typed a right code on that kiosk, until a short deadline.
/// Both are only read back through the database: a closed kiosk or a deactivated technician opens nothing.
/// </summary>
public sealed class KioskSession(IDataProtectionProvider protection, PlanManagerDbContext db, TimeProvider clock)
{
    public static readonly string KioskCookie = "PlanManager.Kiosk";
    public static readonly string TechnicianCookie = "PlanManager.KioskTechnician";
    public const string CookiePath = "/workshop/tablet";
    public static readonly TimeSpan KioskLifetime = TimeSpan.FromDays(365);

    /// <summary>How long a technician stays signed in after the code, if they do nothing.</summary>
    public static readonly TimeSpan SignedIn = TimeSpan.FromMinutes(2);

    /// <summary>How long the tablet stays on the technician after an action (then back to the code pad).</summary>
    public static readonly TimeSpan AfterAction = TimeSpan.FromSeconds(20);

    private readonly IDataProtector _kiosk = protection.CreateProtector("PlanManager.Kiosk.v1");
    private readonly IDataProtector _technician = protection.CreateProtector("PlanManager.KioskTechnician.v1");

    public void OpenOn(HttpResponse response, Guid kioskId, bool https)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(KioskCookie, _kiosk.Protect(kioskId.ToString("N")), Options(https, clock.GetUtcNow() + KioskLifetime));
    }

    public void SignInTechnician(HttpResponse response, Guid kioskId, int technicianId, TimeSpan forHowLong, bool https)
    {
        ArgumentNullException.ThrowIfNull(response);
        var until = clock.GetUtcNow() + forHowLong;
        var value = string.Create(CultureInfo.InvariantCulture, $"{kioskId:N}|{technicianId}|{until.ToUnixTimeSeconds()}");
        response.Cookies.Append(TechnicianCookie, _technician.Protect(value), Options(https, null));
    }

    public static void SignOutTechnician(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(TechnicianCookie, new CookieOptions { Path = CookiePath });
    }

    /// <summary>The kiosk of the request, or null when the cookie is missing, forged, or its kiosk closed.</summary>
    public async Task<KioskContext?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Unprotect(_kiosk, request.Cookies[KioskCookie]) is not { } raw || !Guid.TryParseExact(raw, "N", out var kioskId))
        {
            return null;
        }

        var kiosk = await db.Kiosks.AsNoTracking().Where(k => k.Id == kioskId && k.ClosedAt == null)
            .Select(k => new { k.Id, k.RepairerId, Repairer = k.Repairer!.Name, k.Name, k.LockedUntil }).SingleOrDefaultAsync(cancellationToken);
        if (kiosk is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var context = new KioskContext(kiosk.Id, kiosk.RepairerId, kiosk.Repairer, kiosk.Name, kiosk.LockedUntil > now ? kiosk.LockedUntil : null, null, null, null);
        if (Unprotect(_technician, request.Cookies[TechnicianCookie])?.Split('|') is [var k, var t, var u]
            && k == kioskId.ToString("N")
            && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var technicianId)
            && long.TryParse(u, NumberStyles.None, CultureInfo.InvariantCulture, out var untilSeconds)
            && DateTimeOffset.FromUnixTimeSeconds(untilSeconds) is var until && until > now)
        {
            // Only a technician of this kiosk's repairer, still active, counts.
            var name = await db.Technicians.AsNoTracking().Where(x => x.Id == technicianId && x.RepairerId == kiosk.RepairerId && x.Active)
                .Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is not null)
            {
                context = context with { TechnicianId = technicianId, TechnicianName = name, TechnicianUntil = until };
            }
        }

        return context;
    }

    private static string? Unprotect(IDataProtector protector, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static CookieOptions Options(bool https, DateTimeOffset? expires) => new()
    {
        Path = CookiePath,
        Expires = expires,
        HttpOnly = true,
        Secure = https,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
    };
}

/// <summary>
/// Guards every tablet page: without an open kiosk cookie the answer is 403 and a page that says the
/// tablet is not opened (a staff sign-in does not count). With <see cref="RequireTechnician"/>, a
/// technician must also have typed a right code; otherwise back to the code pad.
/// </summary>
public sealed class KioskRequiredAttribute : TypeFilterAttribute
{
    public KioskRequiredAttribute(bool requireTechnician = false) : base(typeof(KioskFilter)) => Arguments = [requireTechnician];

    public bool RequireTechnician => (bool)Arguments![0];
}

public sealed class KioskFilter(KioskSession session, bool requireTechnician) : IAsyncActionFilter
{
    public static readonly string ItemKey = "PlanManager.KioskContext";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var kiosk = await session.ReadAsync(context.HttpContext.Request, context.HttpContext.RequestAborted);
        if (kiosk is null)
        {
            context.Result = new ViewResult { ViewName = "NoKiosk", StatusCode = StatusCodes.Status403Forbidden };
            return;
        }

        if (requireTechnician && kiosk.TechnicianId is null)
        {
            KioskSession.SignOutTechnician(context.HttpContext.Response);
            context.Result = new RedirectToActionResult(nameof(TabletController.Index), "Tablet", null);
            return;
        }

        context.HttpContext.Items[ItemKey] = kiosk;
        await next();
    }
}
