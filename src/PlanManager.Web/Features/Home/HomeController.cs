using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PlanManager.Web.Features.Home;

public sealed class HomeController : Controller
{
    private const string PortalErrorView = "~/Features/Portal/Views/Error.cshtml";

    /// <summary>Friendly error pages; no exception detail outside development.</summary>
    [AllowAnonymous]
    [Route("/error/{code:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        var model = new ErrorModel(status, Activity.Current?.Id ?? HttpContext.TraceIdentifier);

        // A customer on the public portal gets the portal's layout and words, never the staff menu.
        var failedPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        return failedPath is not null && failedPath.StartsWith("/portal", StringComparison.OrdinalIgnoreCase)
            ? View(PortalErrorView, model)
            : View(model);
    }
}

public sealed record ErrorModel(int StatusCode, string RequestId);
