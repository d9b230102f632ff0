using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class AppointmentScheduleTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>A Friday.</summary>
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void Slots_start_tomorrow_skip_closed_days_and_fit_between_opening_and_closing()
    {
        var schedule = new AppointmentSchedule { Opens = new(8, 0), Closes = new(12, 0), SlotMinutes = 90, DaysAhead = 4 };

        var slots = schedule.Slots(Today, Brussels).Select(s => TimeZoneInfo.ConvertTime(s, Brussels)).ToList();

        // Saturday and Sunday are closed; Monday and Tuesday have 08:00 and 09:30 (11:00 would end after closing).
        Assert.Equal(
            [new DateTime(2026, 11, 23, 8, 0, 0), new DateTime(2026, 11, 23, 9, 30, 0), new DateTime(2026, 11, 24, 8, 0, 0),
                new DateTime(2026, 11, 24, 9, 30, 0)],
            slots.Select(s => s.DateTime));
    }

    [Fact]
    public void Slots_are_in_the_repairers_time_zone_across_a_daylight_saving_change()
    {
        var schedule = new AppointmentSchedule { OpenDays = (1 << (int)DayOfWeek.Sunday) | (1 << (int)DayOfWeek.Monday), Opens = new(9, 0), Closes = new(10, 0),
            DaysAhead = 3 };

        var slots = schedule.Slots(new DateOnly(2026, 10, 23), Brussels).ToList();

        // 25 October 2026: summer time ends, so 09:00 is 07:00 UTC before and 08:00 UTC after.
        Assert.Contains(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), slots);
        Assert.Contains(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero), slots);
    }

    [Fact]
    public void A_time_outside_the_schedule_is_not_offered()
    {
        var schedule = new AppointmentSchedule();
        var mondayNine = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        Assert.True(schedule.Offers(mondayNine, Today, Brussels));
        Assert.False(schedule.Offers(mondayNine.AddMinutes(30), Today, Brussels));
        Assert.False(schedule.Offers(mondayNine.AddDays(-1), Today, Brussels));
        Assert.False(schedule.Offers(mondayNine.AddDays(60), Today, Brussels));
    }

    [Fact]
    public void A_cancelled_appointment_gives_its_place_back()
    {
        var appointment = new Appointment { Id = 42, Place = 1 };

        appointment.Cancel();

        Assert.False(appointment.HoldsPlace);
        Assert.True(appointment.Place <= 0);
    }
}
