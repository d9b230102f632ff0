using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure;

public static class IdentitySetup
{
    public const string SupportPolicy = "Support";

    public static IServiceCollection AddPlanManagerIdentity(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("PlanManager")
            .PersistKeysToDbContext<PlanManagerDbContext>();

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlanManagerDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "PlanManager.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle limit: a session unused for two hours ends; each request slides it on.
            options.ExpireTimeSpan = SessionLimits.Idle;
            options.SlidingExpiration = true;
            // Absolute limit: however busy, a sign-in lasts one working day (ASVS 3.3).
            options.Events.OnValidatePrincipal = context =>
            {
                if (SessionLimits.IsPastAbsoluteLimit(context.Properties.IssuedUtc, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
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

    public static bool IsPastAbsoluteLimit(DateTimeOffset? issuedUtc, DateTimeOffset now) =>
        issuedUtc is null || now - issuedUtc.Value > Absolute;
}
