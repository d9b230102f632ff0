using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;

namespace PlanManager.Web.Infrastructure.Photos;

public static class PhotoSetup
{
    public static IServiceCollection AddPlanManagerPhotos(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<PhotoStorageOptions>()
            .Bind(configuration.GetSection(PhotoStorageOptions.Section))
            .PostConfigure<IOptions<DatabaseOptions>>((photos, database) => photos.Folder = ResolveFolder(photos.Folder, database.Value, environment.ContentRootPath));
        services.AddSingleton<IPhotoStorage, LocalDiskPhotoStorage>();
        services.AddOptions<ThumbnailOptions>().Bind(configuration.GetSection(ThumbnailOptions.Section));
        services.AddSingleton<ThumbnailBacklog>();
        services.AddScoped<MakeThumbnail>();
        services.AddHostedService<ThumbnailWorker>();
        return services;
    }

    /// <summary>A configured folder (relative to the app), else "photos" beside the SQLite file, else App_Data/photos.</summary>
    internal static string ResolveFolder(string? configured, DatabaseOptions database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(DatabaseRegistration.SqliteConnectionString(database.ConnectionString, contentRoot)).DataSource;
            if (dataSource != ":memory:" && Path.GetDirectoryName(dataSource) is { Length: > 0 } folder)
            {
                return Path.Combine(folder, "photos");
            }
        }

        return Path.Combine(contentRoot, "App_Data", "photos");
    }
}
