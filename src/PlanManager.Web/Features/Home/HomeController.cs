using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PlanManager.Web.Features.Home;

public sealed class HomeController : Controller
{
    /// <summary>Friendly error pages; no exception detail outside development.</summary>
    [AllowAnonymous]
    [Route("/error/{code:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(new ErrorModel(status, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorModel(int StatusCode, string RequestId);
