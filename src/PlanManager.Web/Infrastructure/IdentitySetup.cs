using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure;

public static class IdentitySetup
{
    public const string SupportPolicy = "Support";

    public static IServiceCollection AddPlanManagerIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPlanManagerKeyRing(configuration, environment);
        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !(o.AllowPlainHttp && environment.IsProduction()),
                "Security:AllowPlainHttp is on in Production. Session cookies must never travel in clear: serve HTTPS (see docs/deployment.md).")
            .ValidateOnStart();
        var plainHttp = environment.IsDevelopment() || configuration.GetValue<bool>($"{SecurityOptions.Section}:{nameof(SecurityOptions.AllowPlainHttp)}");
        // Outside Development every cookie that carries a session or a token is sent over HTTPS only.
        var secure = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = secure);
        services.AddHttpsRedirection(o => o.HttpsPort = configuration.GetValue<int?>($"{SecurityOptions.Section}:{nameof(SecurityOptions.HttpsPort)}") ?? 443);
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                // A lockout is short, and a browser that signed in as this user before is not held
                // by it (SignInUser), so a stranger cannot shut a receptionist out for the day.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlanManagerDbContext>()
            .AddClaimsPrincipalFactory<SignInTimeClaimsFactory>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // A changed stamp (sign-out, password change, revoked keys) ends every copy of the cookie within minutes.
            options.ValidationInterval = SessionLimits.StampCheck;
            // The refreshed principal is built anew; it keeps the time of the original sign-in.
            options.OnRefreshingPrincipal = context =>
            {
                SessionLimits.CarrySignInTime(context.CurrentPrincipal, context.NewPrincipal);
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "PlanManager.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
            // Idle limit: a session unused for two hours ends; each request slides it on.
            options.ExpireTimeSpan = SessionLimits.Idle;
            options.SlidingExpiration = true;
            // Absolute limit: however busy, a sign-in lasts one working day (ASVS 3.3). It counts from
            // the sign-in claim, not IssuedUtc, which every sliding renewal and stamp refresh resets.
            options.Events.OnValidatePrincipal = context =>
            {
                if (SessionLimits.IsPastAbsoluteLimit(SessionLimits.SignedInAt(context.Principal), context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
                {
                    context.RejectPrincipal();
                    return context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }

                return SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });

        // Every endpoint needs a signed-in Staff or Support user unless it says [AllowAnonymous].
        var staffOrSupport = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Staff, Roles.Support).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(staffOrSupport)
            .SetFallbackPolicy(staffOrSupport)
            .AddPolicy(SupportPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Support));

        return services;
    }
}

public static class SessionLimits
{
    public static readonly TimeSpan Idle = TimeSpan.FromHours(2);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);
    public static readonly TimeSpan StampCheck = TimeSpan.FromMinutes(2);

    /// <summary>The claim with the time of the sign-in itself (Unix seconds), carried through every renewal.</summary>
    public const string SignedInClaim = "planmanager:signed_in";

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(SignedInClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static void CarrySignInTime(ClaimsPrincipal? current, ClaimsPrincipal? renewed)
    {
        if (renewed?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var fresh in identity.FindAll(SignedInClaim).ToList())
        {
            identity.RemoveClaim(fresh);
        }

        // No original time (an old cookie) means none in the renewed one either: the limit then refuses it.
        if (current?.FindFirst(SignedInClaim) is { } original)
        {
            identity.AddClaim(new Claim(SignedInClaim, original.Value));
        }
    }

    public static bool IsPastAbsoluteLimit(DateTimeOffset? issuedUtc, DateTimeOffset now) =>
        issuedUtc is null || now - issuedUtc.Value > Absolute;
}

/// <summary>Adds the sign-in time to the principal made at sign-in (a stamp refresh carries the original over).</summary>
public sealed class SignInTimeClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    TimeProvider clock) : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SessionLimits.SignedInClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>Transport and sign-in limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Cookies follow the request's scheme instead of always being Secure, and no redirect to HTTPS.
    /// Only for local runs over plain loopback HTTP (tests, benchmarks); refused in Production.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>The public HTTPS port a plain-HTTP request is redirected to (the proxy's).</summary>
    public int HttpsPort { get; set; } = 443;

    /// <summary>Sign-in attempts one client address may make per window, whichever accounts it tries.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SignInsPerClient { get; set; } = 20;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);
}
