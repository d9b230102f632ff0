using PlanManager.Web.Infrastructure.Connectors;
using Serilog;

namespace PlanManager.Web.Infrastructure;

public static class PipelineSetup
{
    public static WebApplication UsePlanManagerPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DisplayTime.Configure(app.Configuration["App:TimeZone"]);

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapControllers();
        app.MapBackgroundJobDashboard();
        app.MapSandboxWhenEnabled();
        app.MapControllerRoute("default", "{controller=Jobs}/{action=Index}/{id?}");
        return app;
    }
}
