using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Account;

/// <summary>The language menu: the choice is kept in a cookie for a year (X2).</summary>
[AllowAnonymous]
[Route("language")]
public sealed class LanguageController : Controller
{
    [HttpPost("")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (WebSetup.SupportedCultures.Any(c => c.Name == culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
