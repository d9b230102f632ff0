using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PlanManager.Web.Data;

/// <summary>
/// What the migrate step does after the migrations on SQL Server, as the owner login: installs
/// Hangfire's tables (the nodes run with BackgroundJobs:PrepareSchema=false) and creates or updates
/// the nodes' own login with read and write roles only, so a compromised node cannot change or
/// drop the schema, create logins, or read other databases.
/// </summary>
public static class NodeLoginGrant
{
    public static async Task ApplyAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider != DatabaseProvider.SqlServer)
        {
            return;
        }

        // Resolving the storage installs or upgrades Hangfire's schema (PrepareSchema is on for this step).
        _ = services.GetRequiredService<Hangfire.JobStorage>();
        var login = options.AppLogin;
        if (string.IsNullOrEmpty(login.Name))
        {
            logger.LogWarning("Database:AppLogin:Name is not set: the nodes connect with whatever login their connection string names.");
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        // Names and passwords go in as parameters and are quoted by SQL Server (QUOTENAME), never pasted.
        await db.Database.ExecuteSqlAsync($"""
            DECLARE @login sysname = {login.Name}, @password nvarchar(128) = {login.Password}, @sql nvarchar(max);
            IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = @login)
                SET @sql = N'CREATE LOGIN ' + QUOTENAME(@login) + N' WITH PASSWORD = ' + QUOTENAME(@password, '''') + N', CHECK_POLICY = ON';
            ELSE
                SET @sql = N'ALTER LOGIN ' + QUOTENAME(@login) + N' WITH PASSWORD = ' + QUOTENAME(@password, '''');
            EXEC sp_executesql @sql;
            IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = @login)
            BEGIN
                SET @sql = N'CREATE USER ' + QUOTENAME(@login) + N' FOR LOGIN ' + QUOTENAME(@login);
                EXEC sp_executesql @sql;
            END
            SET @sql = N'ALTER ROLE db_datareader ADD MEMBER ' + QUOTENAME(@login) + N'; ALTER ROLE db_datawriter ADD MEMBER ' + QUOTENAME(@login);
            EXEC sp_executesql @sql;
            """, cancellationToken);
        logger.LogInformation("Login {Login} may read and write the data, nothing more", login.Name);
    }
}
