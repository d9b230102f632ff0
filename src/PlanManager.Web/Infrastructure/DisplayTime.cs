using System.Globalization;
using Microsoft.Extensions.Options;

namespace PlanManager.Web.Infrastructure;

/// <summary>The bodyshop's time zone (App:TimeZone), an IANA or Windows id.</summary>
public sealed class DisplayTimeOptions
{
    public const string Section = "App";
    public const string DefaultZone = "Europe/Brussels";

    public string TimeZone { get; set; } = DefaultZone;
}

/// <summary>
/// Points in time are stored in UTC and shown in the bodyshop's time zone, whatever zone the server
/// runs in; "today" is the bodyshop's day by the injected <see cref="TimeProvider"/>. A singleton
/// instead of static state, so two apps in one process (tests, two nodes) each keep their own zone.
/// </summary>
public sealed class DisplayTime
{
    private readonly TimeProvider _clock;

    public DisplayTime(IOptions<DisplayTimeOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        // The options are validated on start (Register), so the zone is known here.
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    /// <summary>The bodyshop's calendar day of a point in time.</summary>
    public DateOnly DayOf(DateTimeOffset value) => DateOnly.FromDateTime(Local(value).DateTime);

    public DateOnly Today() => DayOf(_clock.GetUtcNow());

    /// <summary>The point in time of a wall-clock time on a day in the bodyshop (a slot, the start of a day), in UTC.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public string Date(DateTimeOffset? value) => value is { } v ? Local(v).ToString("d", CultureInfo.CurrentCulture) : string.Empty;

    public string DateTime(DateTimeOffset? value) => value is { } v ? Local(v).ToString("g", CultureInfo.CurrentCulture) : string.Empty;

#pragma warning disable CA1822 // An instance method beside the other Date so views call every format the same way.
    public string Date(DateOnly? value) => value?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;
#pragma warning restore CA1822

    /// <summary>Registers the options (checked on start: an unknown zone stops the app) and the service.</summary>
    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddOptions<DisplayTimeOptions>()
            .BindConfiguration(DisplayTimeOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "App:TimeZone is not a time zone this server knows (e.g. Europe/Brussels).")
            .ValidateOnStart();
        return services.AddSingleton<DisplayTime>();
    }
}
