using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using PlanManager.Web.Data;
using PlanManager.Web.Infrastructure;
using Serilog;

namespace PlanManager.Bench;

/// <summary>
/// The benchmark tool of bench/run.sh, run with the app's configuration (environment variables, as the
/// served app) and the app's own services against the bench database:
///   generate-data N                       fill an empty SQLite database with N jobs
///   background FILE [FILTER]              the exports, Claims360 imports (queueing on, then off with the photo copy)
///                                         and CAPS relay scenarios against the sandbox of a running app, results to FILE;
///                                         FILTER (e.g. claims360, "queueing off", caps, export) runs only the groups of
///                                         scenarios whose name contains it
/// Both write made-up data, so both are refused in Production.
/// </summary>
internal static class BenchProgram
{
    private const string Usage = "Usage: PlanManager.Bench generate-data N | background RESULT_FILE [FILTER]";

    public static async Task<int> Main(string[] args)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
        try
        {
            // The command line is the tool's own; the app's settings come from the environment, as for the served app.
            var builder = WebApplication.CreateBuilder();
            builder.AddPlanManager();
            await using var app = builder.Build();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PlanManager.Bench");
            if (app.Environment.IsProduction())
            {
                logger.LogError("The benchmark tool writes made-up data and is refused in Production; run it with ASPNETCORE_ENVIRONMENT=Staging.");
                return 2;
            }

            switch (args)
            {
                case ["generate-data", var count] when int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs >= 1:
                {
                    await app.InitializeDatabaseAsync(forceMigrate: true);
                    await using var scope = app.Services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
                    var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                    return await BenchDataGenerator.GenerateAsync(db, jobs, now, logger, CancellationToken.None);
                }

                case ["background", var file, .. var rest] when rest.Length <= 1:
                    await app.InitializeDatabaseAsync(forceMigrate: true);
                    return await BenchBackground.RunAsync(app.Services, file, rest.FirstOrDefault(), logger, CancellationToken.None);

                default:
                    logger.LogError(Usage);
                    return 2;
            }
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
