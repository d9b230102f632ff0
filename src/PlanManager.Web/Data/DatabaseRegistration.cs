using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Data.Interceptors;
using Microsoft.Extensions.Options;

namespace PlanManager.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers the provider chosen by Database:Provider. The options are read when the first
    /// context is made, not at registration, so configuration layered on later (tests, hosts) counts.
    /// </summary>
    public static IServiceCollection AddPlanManagerDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is SqlServer or PostgreSql.")
            .Validate(o => o.AppLogin.IsValid, "Database:AppLogin:Name must be a plain SQL name (letters, digits, _; not sa or dbo) with a Database:AppLogin:Password of at most 128 characters.")
            .ValidateOnStart();

        // Save interceptors are scoped: they see the request's user, clock and unit of work (the one door of a job).
        services.AddScoped<IInterceptor, StampsInterceptor>();
        services.AddDbContext<SqlServerPlanManagerDbContext>((sp, o) =>
            o.UseSqlServer(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, s => s.EnableRetryOnFailure())
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        // Worked out once (it checks the folder on disk), not for every unit of work.
        string? sqliteConnectionString = null;
        services.AddDbContext<SqlitePlanManagerDbContext>((sp, o) =>
            o.UseSqlite(sqliteConnectionString ??= SqliteConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, environment.ContentRootPath))
                .AddInterceptors([new SqliteConnectionInterceptor(), .. sp.GetServices<IInterceptor>()]));
        // Deadlocks and serialization failures are transient on PostgreSQL: the execution strategy
        // retries the whole unit of work (every transaction in the app runs inside one).
        services.AddDbContext<PostgreSqlPlanManagerDbContext>((sp, o) =>
            o.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, n => n.EnableRetryOnFailure())
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped<PlanManagerDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerPlanManagerDbContext>(),
            DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgreSqlPlanManagerDbContext>(),
            _ => sp.GetRequiredService<SqlitePlanManagerDbContext>(),
        });
        return services;
    }

    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/planmanager.db" : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
