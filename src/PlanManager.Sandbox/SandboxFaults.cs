using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PlanManager.Sandbox;

/// <summary>Checks a platform's credentials like the real thing (401) and plays the failures it was told to.</summary>
public sealed class SandboxGate(string platform, Func<IHeaderDictionary, SandboxCredentials, bool> authorized) : IEndpointFilter
{
    public const string FailHeader = "X-Sandbox-Fail";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<SandboxOptions>>().CurrentValue;
        if (!authorized(http.Request.Headers, options.Credentials))
        {
            return Results.Problem(title: "Missing or wrong credentials", statusCode: StatusCodes.Status401Unauthorized);
        }

        var fail = http.Request.Headers[FailHeader].ToString();
        if (string.IsNullOrEmpty(fail))
        {
            options.Fail.TryGetValue(platform, out fail);
        }

        switch (fail)
        {
            case "500" or "503":
                return Results.Problem(title: "Sandbox failure on request", statusCode: int.Parse(fail, CultureInfo.InvariantCulture));
            case "429":
                http.Response.Headers.RetryAfter = "1";
                return Results.Problem(title: "Too many requests", statusCode: StatusCodes.Status429TooManyRequests);
            case "slow":
                await Task.Delay(options.SlowDelay, http.RequestAborted);
                break;
            case "malformed":
                return Results.Text("{\"offers\": [ {\"offerId\": ", "application/json", statusCode: StatusCodes.Status200OK);
        }

        return await next(context);
    }
}
