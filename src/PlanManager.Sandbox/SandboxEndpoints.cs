using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PlanManager.Sandbox;

public static class SandboxEndpoints
{
    public const string Prefix = "/sandbox";

    public static IServiceCollection AddPlanManagerSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section));
        services.AddSingleton<SandboxState>();
        services.AddSingleton(SandboxPhotos.Load());
        return services;
    }

    /// <summary>Maps the four platforms under /sandbox/&lt;platform&gt;, each behind its own credential check.</summary>
    public static IEndpointRouteBuilder MapPlanManagerSandbox(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup(Prefix).AllowAnonymous().DisableAntiforgery().WithTags("Sandbox");

        CapsSandbox.Map(sandbox.MapGroup("/caps").AddEndpointFilter(new SandboxGate("Caps", (h, c) =>
            h["X-Caps-Api-Key"] == c.CapsApiKey && h["X-Caps-Site"] == c.CapsSite)));
        AudatexUkSandbox.Map(sandbox.MapGroup("/audatex-uk").AddEndpointFilter(new SandboxGate("AudatexUk", (h, c) =>
            h.Authorization == $"Bearer {c.AudatexUkToken}")));
        Claims360Sandbox.Map(sandbox.MapGroup("/claims360").AddEndpointFilter(new SandboxGate("Claims360", (h, c) =>
            h["X-Bodyshop-Api-Key"] == c.Claims360BodyshopKey && h["X-PlanManager-Api-Key"] == c.Claims360PlanManagerKey)));
        InformexSandbox.Map(sandbox.MapGroup("/informex").AddEndpointFilter(new SandboxGate("Informex", (h, c) =>
            h["X-Informex-Api-Key"] == c.InformexApiKey)));
        return app;
    }

    internal static IResult ValidationProblem(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
