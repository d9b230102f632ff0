using PlanManager.Web.Data;
using PlanManager.Web.Features;
using PlanManager.Web.Infrastructure.Connectors;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.Web.Infrastructure;

public static class AppSetup
{
    /// <summary>
    /// Every service of the app, in one call, so that the benchmark tool (bench/PlanManager.Bench) runs
    /// the very services Program.cs serves with.
    /// </summary>
    public static WebApplicationBuilder AddPlanManager(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlanManagerLogging();
        builder.Services.AddPlanManagerDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddPlanManagerIdentity(builder.Configuration, builder.Environment);
        builder.Services.AddPlanManagerWeb();
        builder.Services.AddPlanManagerFeatures();
        builder.Services.AddPlanManagerConnectors(builder.Configuration, builder.Environment);
        builder.Services.AddPlanManagerBackgroundJobs(builder.Configuration);
        builder.Services.AddPlanManagerPhotos(builder.Configuration, builder.Environment);
        Exports.ExportSetup.AddPlanManagerExports(builder.Services, builder.Configuration, builder.Environment);
        builder.Services.AddPlanManagerStartup(builder.Configuration, builder.Environment);
        return builder;
    }
}
