using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PlanManager.Web.Infrastructure;

namespace PlanManager.UnitTests.Infrastructure;

public sealed class DisplayTimeTests
{
    /// <summary>The app's registration with App:TimeZone set to <paramref name="zone"/> (null: not set), as Program builds it.</summary>
    private static ServiceProvider Services(string? zone, TimeProvider clock)
    {
        var settings = new Dictionary<string, string?>();
        if (zone is not null)
        {
            settings["App:TimeZone"] = zone;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(clock);
        DisplayTime.Register(services);
        return services.BuildServiceProvider();
    }

    private static DisplayTime Create(string? zone, DateTimeOffset utcNow)
    {
        using var services = Services(zone, new FakeTimeProvider(utcNow));
        services.GetRequiredService<IStartupValidator>().Validate();
        return services.GetRequiredService<DisplayTime>();
    }

    [Fact]
    public void At_half_past_eleven_utc_in_winter_it_is_already_tomorrow_in_brussels()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 22, 59, 0, TimeSpan.Zero));
        using var services = Services("Europe/Brussels", clock);
        var time = services.GetRequiredService<DisplayTime>();
        Assert.Equal(new DateOnly(2026, 11, 30), time.Today());

        // Brussels is UTC+1 in winter: 23:00 UTC is midnight there.
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(new DateOnly(2026, 12, 1), time.Today());
    }

    [Fact]
    public void In_summer_brussels_starts_the_day_two_hours_before_utc()
    {
        var halfPastTen = new DateTimeOffset(2026, 7, 14, 22, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 7, 15), Create("Europe/Brussels", halfPastTen).Today());
        Assert.Equal(new DateOnly(2026, 7, 14), Create("Europe/London", halfPastTen).Today());
        Assert.Equal(new DateOnly(2026, 7, 14), Create("UTC", halfPastTen).Today());
    }

    [Fact]
    public void Today_follows_the_configured_zone_not_the_servers()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 12, 1), Create("Europe/Brussels", lateEvening).Today());
        Assert.Equal(new DateOnly(2026, 11, 30), Create("America/New_York", lateEvening).Today());
    }

    [Fact]
    public void Without_a_setting_the_zone_is_brussels() =>
        Assert.Equal("Europe/Brussels", Create(null, DateTimeOffset.UnixEpoch).Zone.Id);

    [Fact]
    public void A_wall_clock_time_in_brussels_is_found_in_utc_on_either_side_of_the_clock_change()
    {
        var time = Create("Europe/Brussels", DateTimeOffset.UnixEpoch);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), time.At(new DateOnly(2026, 3, 28), new TimeOnly(9, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), time.At(new DateOnly(2026, 3, 30), new TimeOnly(9, 0)));
        Assert.Equal(new DateOnly(2026, 3, 30), time.DayOf(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_unknown_zone_stops_the_app_at_start()
    {
        using var services = Services("Europe/Atlantis", TimeProvider.System);
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("App:TimeZone", refused.Message, StringComparison.Ordinal);
    }
}
