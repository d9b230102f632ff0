using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;

namespace PlanManager.Web.Features.Account;

[Route("account")]
public sealed class AccountController(IStringLocalizer<SharedResource> texts) : Controller
{
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        return View(new SignInModel { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn(SignInModel model, [FromServices] SignInUser signIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(model.Email))
        {
            ModelState.AddModelError(nameof(model.Email), texts["Account.EmailRequired"]);
        }

        if (string.IsNullOrEmpty(model.Password))
        {
            ModelState.AddModelError(nameof(model.Password), texts["Account.PasswordRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        switch (await signIn.HandleAsync(HttpContext, model.Email!.Trim(), model.Password!, model.RememberMe, cancellationToken))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
            case SignInOutcome.Limited:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError(string.Empty, texts["Account.TooManyAttempts"]);
                break;
            default:
                // One message for a wrong address, a wrong password or a locked account: it tells an attacker nothing.
                ModelState.AddModelError(string.Empty, texts["Account.InvalidSignIn"]);
                break;
        }

        model.Password = null;
        return View(model);
    }

    [HttpPost("sign-out")]
    [ActionName("SignOut")]
    public async Task<IActionResult> SignOutUser([FromServices] SignOutUser signOut)
    {
        await signOut.HandleAsync(User);
        return RedirectToAction(nameof(SignIn));
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

public sealed class SignInModel
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Account.Email")]
    public string? Email { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Account.Password")]
    public string? Password { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Account.RememberMe")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
