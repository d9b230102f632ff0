using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.RateLimiting;

namespace PlanManager.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    Limited,
}

/// <summary>
/// Signs a user in. Three guards, each against another attack:
/// a per-client limit (database counter, all nodes) against guessing passwords from one address;
/// the account lockout against guessing one account from many addresses; and the "known device"
/// cookie, so that lockout cannot be used to shut the real user out: a browser that signed in as
/// this user before is not held by it (OWASP's device cookies). Locked or wrong, the answer is the same.
/// </summary>
public sealed class SignInUser(
    SignInManager<ApplicationUser> signIn,
    ClientRateLimiter limiter,
    IOptions<SecurityOptions> options,
    IDataProtectionProvider protection,
    ILogger<SignInUser> logger)
{
    public static readonly string DeviceCookie = "PlanManager.Device";
    private const int DevicesRemembered = 5;
    private readonly IDataProtector _devices = protection.CreateProtector("PlanManager.KnownDevice.v1");

    public async Task<SignInOutcome> HandleAsync(HttpContext context, string email, string password, bool remember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = new RateLimit(options.Value.SignInsPerClient, options.Value.SignInWindow);
        if (!await limiter.TryAcquireAsync("sign-in", client, limit, cancellationToken))
        {
            logger.LogWarning("Sign-in refused for {Email}: client {Client} is over {Permits} attempts per {Window}", email, client, limit.Permits, limit.Window);
            return SignInOutcome.Limited;
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(email);
        var known = KnownUsers(context);
        if (user is not null && known.Contains(user.Id) && await users.IsLockedOutAsync(user))
        {
            // Locked by failures from elsewhere; this browser is the user's own, so the password alone decides.
            if (!await users.CheckPasswordAsync(user, password))
            {
                return SignInOutcome.Refused;
            }

            await signIn.SignInAsync(user, remember);
            logger.LogInformation("User {Email} signed in from a known device while the account is locked", email);
            Remember(context, known, user.Id);
            return SignInOutcome.SignedIn;
        }

        var result = await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);
        if (result.Succeeded && user is not null)
        {
            logger.LogInformation("User {Email} signed in", email);
            Remember(context, known, user.Id);
            return SignInOutcome.SignedIn;
        }

        logger.LogWarning("Sign-in refused for {Email}: {Reason}", email, result.IsLockedOut ? "account locked out" : "wrong e-mail or password");
        return SignInOutcome.Refused;
    }

    private List<string> KnownUsers(HttpContext context)
    {
        if (context.Request.Cookies[DeviceCookie] is not { Length: > 0 } value)
        {
            return [];
        }

        try
        {
            return [.. _devices.Unprotect(value).Split('|', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }

    private void Remember(HttpContext context, List<string> known, string userId)
    {
        known.Remove(userId);
        known.Insert(0, userId);
        var value = _devices.Protect(string.Join('|', known.Take(DevicesRemembered)));
        context.Response.Cookies.Append(DeviceCookie, value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddDays(180),
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
        });
    }
}

/// <summary>Signs out and changes the security stamp, so a copy of the cookie stops working too (at the next stamp check).</summary>
public sealed class SignOutUser(SignInManager<ApplicationUser> signIn, ILogger<SignOutUser> logger)
{
    public async Task HandleAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            logger.LogInformation("User {Email} signed out", user.Email);
        }

        await signIn.SignOutAsync();
    }
}
