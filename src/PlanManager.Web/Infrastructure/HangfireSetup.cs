using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Caps;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Infrastructure;

public sealed class BackgroundJobOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>Run the Hangfire server in this process (a web-only node can switch it off).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 4;

    /// <summary>Cron of the connector health check shown on the Administration page.</summary>
    public string ConnectorHealthCron { get; set; } = "*/15 * * * *";

    /// <summary>How often the server looks for scheduled jobs whose time has come (Hangfire's default is 15 s).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Install or upgrade Hangfire's SQL Server tables at start. Off for nodes whose login may not change the schema (the migrate step does it).</summary>
    public bool PrepareSchema { get; set; } = true;
}

public static class HangfireSetup
{
    public const string DashboardPath = "/administration/background-jobs";

    /// <summary>
    /// Hangfire with InMemory storage beside SQLite, and in the app's own database beside SQL Server
    /// and PostgreSQL (there in the schema "hangfire"). The
    /// storage is an explicit singleton (not Hangfire's static JobStorage.Current), so two hosts in
    /// one process, as in the tests, never share a queue.
    /// </summary>
    public static IServiceCollection AddPlanManagerBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackgroundJobOptions>().Bind(configuration.GetSection(BackgroundJobOptions.Section));
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var prepare = sp.GetRequiredService<IOptions<BackgroundJobOptions>>().Value.PrepareSchema;
            return database.Provider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = prepare, QueuePollInterval = TimeSpan.FromSeconds(5) }),
                DatabaseProvider.PostgreSql => PostgreSqlStorage(database.ConnectionString!),
                _ => new InMemoryStorage(new InMemoryStorageOptions()),
            };
        });
        // Hangfire's default activator is the static JobActivator.Current, set by whichever host configured Hangfire last: two hosts
        // in one process (the tests) would run each other's jobs, or a disposed host's. Each host activates jobs from its own services.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        var options = configuration.GetSection(BackgroundJobOptions.Section).Get<BackgroundJobOptions>() ?? new BackgroundJobOptions();
        if (options.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = Math.Max(1, options.WorkerCount);
                server.SchedulePollingInterval = options.SchedulePollingInterval;
            });
        }

        services.AddScoped<ConnectorHealthCheck>();
        services.AddSingleton<RecurringJobs>();
        BackgroundJobDashboard.AddTimeScript();
        services.AddHealthChecks().AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);
        return services;
    }

    /// <summary>Hangfire's tables in their own schema of the app's database; it creates and upgrades them itself.</summary>
    private static PostgreSqlStorage PostgreSqlStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(5) };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// Recurring jobs, registered (or updated) at every start, and again whenever Support deletes one on the dashboard
    /// (<see cref="BackgroundJobDashboard"/>); the same id is never registered twice.
    /// </summary>
    public static void RegisterRecurringJobs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<RecurringJobs>().Register();

        // CAPS pushes owed before a restart (in-memory Hangfire forgets its schedule) are relayed at start-up and by the sweep.
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CapsSyncRelay>(relay => relay.RunDueAsync(CancellationToken.None));
    }

    /// <summary>The dashboard, for the Support role only.</summary>
    public static void MapBackgroundJobDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseBackgroundJobDashboardAdditions();
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = [new SupportOnlyDashboardFilter()],
                AppPath = "/administration",
                DashboardTitle = "PlanManager background jobs",
                DisplayStorageConnectionString = false,
            }, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(IdentitySetup.SupportPolicy);
    }

    private sealed class SupportOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Support);
    }
}
