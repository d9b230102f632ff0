using Serilog;

namespace PlanManager.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Serilog from configuration ("Serilog" section): console and a rolling file by default.</summary>
    public static WebApplicationBuilder AddPlanManagerLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}
