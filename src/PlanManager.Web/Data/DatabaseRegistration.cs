using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PlanManager.Web.Data;

public static class DatabaseRegistration
{
    public static IServiceCollection AddPlanManagerDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = options.ConnectionString
                    ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.");
                services.AddDbContext<SqlServerPlanManagerDbContext>(o => o.UseSqlServer(sqlServer, s => s.EnableRetryOnFailure()));
                services.AddScoped<PlanManagerDbContext>(sp => sp.GetRequiredService<SqlServerPlanManagerDbContext>());
                break;
            default:
                var sqlite = SqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
                services.AddDbContext<SqlitePlanManagerDbContext>(o => o.UseSqlite(sqlite)
                    .AddInterceptors(new SqliteConnectionInterceptor()));
                services.AddScoped<PlanManagerDbContext>(sp => sp.GetRequiredService<SqlitePlanManagerDbContext>());
                break;
        }

        return services;
    }

    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/planmanager.db");
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
