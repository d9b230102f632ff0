using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure;

public static class StartupSetup
{
    public static IServiceCollection AddPlanManagerStartup(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !(o.Seed && environment.IsProduction()),
                "Demo:Seed is on in Production. Demo users have a published password: switch Demo:Seed off.")
            .ValidateOnStart();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }

    /// <summary>Creates and migrates the database, the roles, and (when asked) the demo data, before the first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, bool forceMigrate = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Refuse a bad configuration (demo data or the sandbox in production) before touching the database.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        WebSetup.UseLocalizedValidationNames(app.Services.GetRequiredService<IStringLocalizerFactory>());

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<PlanManagerDbContext>();

        if (db.Database.IsSqlite())
        {
            // WAL lets pages read while another request writes; the setting is stored in the file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        if (options.MigrateOnStart || forceMigrate)
        {
            await db.Database.MigrateAsync();
            // Parties saved before the customer search kept name words get theirs once (decision 0023).
            await Features.ThirdParties.PartyNameWordsBackfill.RunAsync(
                db, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupSetup)), CancellationToken.None);
        }

        // Filled once (a new database, or one migrated from before the totals): the page counts live until then.
        await services.GetRequiredService<Features.Dashboard.ReportTotals>().FillAsync(rebuild: false, CancellationToken.None);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Staff, Roles.Support })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var demo = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        if (demo.Seed)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(demo.Jobs, CancellationToken.None);
        }
    }
}
