using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.UnitTests.Domain.Workshop;

/// <summary>Clocks left open close at the closing hour in Brussels time, also on the days the clocks change.</summary>
public sealed class ClosingTimeTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static readonly AppointmentSchedule EveryDay = new() { OpenDays = 0b111_1111, Closes = new TimeOnly(17, 0) };

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void On_the_autumn_change_day_17_00_is_15_00_utc_before_and_16_00_utc_after()
    {
        // Sunday 25 October 2026: 03:00 summer time became 02:00 winter time (UTC+1).
        Assert.Equal(Utc(10, 25, 16), ClosingTime.For(Utc(10, 25, 7), EveryDay, Brussels));
        // Saturday before the change: still summer time (UTC+2).
        Assert.Equal(Utc(10, 24, 15), ClosingTime.For(Utc(10, 24, 6), EveryDay, Brussels));
    }

    [Fact]
    public void On_the_spring_change_day_17_00_is_15_00_utc()
    {
        // Sunday 29 March 2026: 02:00 winter time became 03:00 summer time (UTC+2).
        Assert.Equal(Utc(3, 29, 15), ClosingTime.For(Utc(3, 29, 6), EveryDay, Brussels));
        Assert.Equal(Utc(3, 28, 16), ClosingTime.For(Utc(3, 28, 7), EveryDay, Brussels));
    }

    [Fact]
    public void A_clock_started_after_closing_or_on_a_closed_day_closes_at_local_midnight()
    {
        var weekdays = new AppointmentSchedule { Closes = new TimeOnly(17, 0) };

        // Saturday 24 October (closed): the next local midnight is 22:00 UTC (still summer time that evening).
        Assert.Equal(Utc(10, 24, 22), ClosingTime.For(Utc(10, 24, 9), weekdays, Brussels));
        // Sunday 25 October has 25 hours: its midnight is 23:00 UTC.
        Assert.Equal(Utc(10, 25, 23), ClosingTime.For(Utc(10, 25, 9), weekdays, Brussels));
        // Friday 23 October, started at 18:30 local after closing.
        Assert.Equal(Utc(10, 23, 22), ClosingTime.For(Utc(10, 23, 16, 30), weekdays, Brussels));
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_is_taken_as_the_first_instant_after_it()
    {
        Assert.Equal(Utc(3, 29, 1), ClosingTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), Brussels));
    }
}
