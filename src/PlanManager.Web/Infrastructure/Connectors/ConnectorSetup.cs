using PlanManager.Connectors;
using PlanManager.Connectors.Common;
using PlanManager.Sandbox;

namespace PlanManager.Web.Infrastructure.Connectors;

public static class ConnectorSetup
{
    public static IServiceCollection AddPlanManagerConnectors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddConnectorClients(configuration);
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<IConnectorCredentials, DatabaseConnectorCredentials>();
        services.AddScoped<ConnectorGateway>();
        services.AddScoped<EstimateVersions>();
        services.AddScoped<OutgoingPhotos>();
        services.AddScoped<ConnectorSettings>();
        services.AddScoped<AuditWriter>();

        services.AddPlanManagerSandbox(configuration);
        services.AddOptions<SandboxOptions>()
            .Validate(o => !(o.Enabled && environment.IsProduction()),
                "Sandbox:Enabled is on in Production. The sandbox imitates the claims platforms with published credentials: switch it off.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The sandbox platforms under /sandbox, only while Sandbox:Enabled is true.</summary>
    public static void MapSandboxWhenEnabled(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SandboxOptions>>().Value.Enabled)
        {
            app.MapPlanManagerSandbox();
        }
    }
}
