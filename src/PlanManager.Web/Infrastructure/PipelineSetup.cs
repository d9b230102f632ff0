using PlanManager.Web.Infrastructure.Connectors;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;

namespace PlanManager.Web.Infrastructure;

public static class PipelineSetup
{
    public static WebApplication UsePlanManagerPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Behind the reverse proxy (docker-compose) the scheme and client address come from it.
        // Off by default: a node reachable directly must not believe a forged header.
        if (app.Configuration.GetValue<bool>("Proxy:TrustForwardedHeaders"))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        // First, so that error pages and re-executed status pages are compressed too (decision 0020).
        app.UseResponseCompression();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        // Outside Development a page asked over HTTP is sent to HTTPS (after the forwarded scheme is
        // read, so a request that came in over TLS at the proxy stays where it is). Health probes
        // from the orchestrator stay on plain HTTP inside the network.
        if (!app.Environment.IsDevelopment() && !app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.AllowPlainHttp)
        {
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase), branch => branch.UseHttpsRedirection());
        }

        app.UseSecurityHeaders();
        app.UseVersionedStaticFileCaching();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        // Liveness: the process answers. Readiness: the database and Hangfire answer too, with details.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapControllers();
        app.MapBackgroundJobDashboard();
        app.MapSandboxWhenEnabled();
        return app;
    }
}
