using PlanManager.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPlanManager();

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
