using Microsoft.AspNetCore.Identity;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// One-shot commands for operators, run with the app's own configuration instead of serving:
///   --migrate-only                       apply the migrations (the one step before nodes start) and exit
///   --create-user EMAIL ROLE             create a Staff or Support user; password from PLANMANAGER_NEW_USER_PASSWORD
///   --rebuild-report-totals              count the Reports page's monthly totals again from the jobs (decision 0021)
///   --rotate-keys | --revoke-keys        a new Data Protection key (revoke: after a leak, every older key revoked), see KeyRingCommands
/// </summary>
public static class AdminCommands
{
    public const string MigrateOnly = "--migrate-only";
    public const string CreateUser = "--create-user";
    public const string RebuildReportTotals = "--rebuild-report-totals";
    public const string PasswordVariable = "PLANMANAGER_NEW_USER_PASSWORD";

    public static bool IsCommand(string[] args) =>
        args.Contains(MigrateOnly) || args.Contains(CreateUser) || args.Contains(RebuildReportTotals) || KeyRingCommands.IsCommand(args);

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminCommands));
        if (args.Contains(MigrateOnly))
        {
            await NodeLoginGrant.ApplyAsync(app.Services, logger, CancellationToken.None);
            logger.LogInformation("Migrations applied; the database is ready for the nodes.");
            return 0;
        }

        if (args.Contains(RebuildReportTotals))
        {
            await using var totalsScope = app.Services.CreateAsyncScope();
            await totalsScope.ServiceProvider.GetRequiredService<Features.Dashboard.ReportTotals>().FillAsync(rebuild: true, CancellationToken.None);
            logger.LogInformation("The Reports page's monthly totals were counted again from the jobs.");
            return 0;
        }

        if (KeyRingCommands.IsCommand(args))
        {
            return await KeyRingCommands.RunAsync(app.Services, revoke: args.Contains(KeyRingCommands.Revoke), logger);
        }

        var index = Array.IndexOf(args, CreateUser);
        if (index < 0 || index + 2 >= args.Length || args[index + 2] is not (Roles.Staff or Roles.Support))
        {
            logger.LogError("Usage: --create-user EMAIL Staff|Support (password in {Variable})", PasswordVariable);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            logger.LogError("Set the new user's password in {Variable}; it is never taken from the command line.", PasswordVariable);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = args[index + 1];
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            logger.LogError("User {Email} was not created: {Errors}", email, string.Join("; ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, args[index + 2]);
        logger.LogInformation("User {Email} created with role {Role}", email, args[index + 2]);
        return 0;
    }
}
