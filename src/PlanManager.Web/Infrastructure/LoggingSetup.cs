using Serilog;
using Serilog.Formatting.Compact;

namespace PlanManager.Web.Infrastructure;

/// <summary>Where logs go (LogOutput section): readable text and a rolling file by default, JSON on stdout in production.</summary>
public sealed class LogOutputOptions
{
    public const string Section = "LogOutput";

    /// <summary>Compact JSON lines on stdout, for a log collector.</summary>
    public bool Json { get; set; }

    /// <summary>A daily rolling file (relative to the app); empty for none.</summary>
    public string? File { get; set; } = "logs/planmanager-.log";
}

public static class LoggingSetup
{
    /// <summary>Serilog: levels from the "Serilog" section, sinks from LogOutput.</summary>
    public static WebApplicationBuilder AddPlanManagerLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog((services, logger) =>
        {
            var output = builder.Configuration.GetSection(LogOutputOptions.Section).Get<LogOutputOptions>() ?? new LogOutputOptions();
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (output.Json)
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console();
            }

            if (!string.IsNullOrWhiteSpace(output.File))
            {
                logger.WriteTo.File(
                    Path.GetFullPath(output.File, builder.Environment.ContentRootPath),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    fileSizeLimitBytes: 50 * 1024 * 1024,
                    rollOnFileSizeLimit: true);
            }
        });
        return builder;
    }
}
