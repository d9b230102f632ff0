using PlanManager.Web.Data;
using PlanManager.Web.Features;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;
using PlanManager.Web.Infrastructure.Photos;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPlanManagerLogging();
    builder.Services.AddPlanManagerDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddPlanManagerIdentity(builder.Configuration, builder.Environment);
    builder.Services.AddPlanManagerWeb();
    builder.Services.AddPlanManagerFeatures();
    builder.Services.AddPlanManagerConnectors(builder.Configuration, builder.Environment);
    builder.Services.AddPlanManagerBackgroundJobs(builder.Configuration);
    builder.Services.AddPlanManagerPhotos(builder.Configuration, builder.Environment);
    builder.Services.AddPlanManagerStartup(builder.Configuration, builder.Environment);

    var app = builder.Build();

    if (AdminCommands.IsCommand(args))
    {
        await app.InitializeDatabaseAsync(forceMigrate: true);
        return await AdminCommands.RunAsync(app, args);
    }

    await app.InitializeDatabaseAsync();
    app.UsePlanManagerPipeline();
    app.RegisterRecurringJobs();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "PlanManager stopped because of an unexpected error");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so the integration tests can host the app.</summary>
public partial class Program;
