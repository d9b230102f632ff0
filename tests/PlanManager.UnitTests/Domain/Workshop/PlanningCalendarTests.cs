using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.UnitTests.Domain.Workshop;

public sealed class PlanningCalendarTests
{
    /// <summary>A Monday.</summary>
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static readonly DepartmentCapacity[] TwoBodyTechnicians =
    [
        new() { Department = Department.Body, Technicians = 2, HoursPerTechnician = 8 },
        new() { Department = Department.Paint, Technicians = 1, HoursPerTechnician = 7.5m },
    ];

    private static PlanningCalendar Weekdays(params DepartmentCapacity[] capacities) =>
        new(AppointmentSchedule.WeekdayBits, new TimeOnly(8, 0), new TimeOnly(17, 0), capacities);

    [Fact]
    public void Capacity_is_technicians_times_hours_on_open_days_one_technician_for_the_opening_hours_by_default_and_none_when_closed()
    {
        var calendar = Weekdays(TwoBodyTechnicians);

        Assert.Equal(new DepartmentHours(16, 9, 7.5m, 9), calendar.CapacityOn(Monday));
        Assert.Equal(default, calendar.CapacityOn(Monday.AddDays(5)));
    }

    [Fact]
    public void Open_days_come_from_the_opening_hours_schedule()
    {
        var saturdays = new AppointmentSchedule { OpenDays = AppointmentSchedule.WeekdayBits | (1 << (int)DayOfWeek.Saturday) };

        var calendar = PlanningCalendar.For(saturdays, []);

        Assert.True(calendar.IsOpen(Monday.AddDays(5)));
        Assert.False(calendar.IsOpen(Monday.AddDays(6)));
    }

    [Fact]
    public void A_job_is_spread_evenly_over_its_working_days_and_skips_the_weekend()
    {
        var calendar = Weekdays();

        // Friday to Tuesday: Friday, Monday and Tuesday are working days.
        var spread = calendar.Spread(new DepartmentHours(9, 3, 6, 0), Monday.AddDays(4), Monday.AddDays(8));

        Assert.Equal([Monday.AddDays(4), Monday.AddDays(7), Monday.AddDays(8)], spread.Keys.Order());
        Assert.All(spread.Values, share => Assert.Equal(new DepartmentHours(3, 1, 2, 0), share));
    }

    [Fact]
    public void A_plan_on_closed_days_only_puts_all_its_hours_on_its_first_day()
    {
        var spread = Weekdays().Spread(new DepartmentHours(4, 0, 0, 0), Monday.AddDays(5), Monday.AddDays(6));

        Assert.Equal(4, Assert.Single(spread).Value.Body);
    }

    [Fact]
    public void Load_adds_the_jobs_of_a_day_per_department_and_flags_a_department_over_its_capacity()
    {
        var calendar = Weekdays(TwoBodyTechnicians);
        (DateOnly, DateOnly, DepartmentHours)[] plans =
        [
            (Monday, Monday.AddDays(1), new DepartmentHours(20, 0, 4, 0)),
            (Monday, Monday, new DepartmentHours(7, 0, 4, 0)),
        ];

        var days = calendar.Load(Monday, Monday.AddDays(6), plans);

        Assert.Equal(7, days.Count);
        Assert.Equal(17, days[0].Load.Body);
        Assert.True(days[0].IsOver(Department.Body));
        Assert.Equal(6, days[0].Load.Paint);
        Assert.False(days[0].IsOver(Department.Paint));
        Assert.Equal(10, days[1].Load.Body);
        Assert.False(days[1].AnyOver);
        Assert.Equal(default, days[2].Load);
        Assert.False(days[5].Open);
    }

    [Fact]
    public void Any_load_on_a_closed_day_is_over_capacity()
    {
        var days = Weekdays().Load(Monday.AddDays(5), Monday.AddDays(5), [(Monday.AddDays(5), Monday.AddDays(5), new DepartmentHours(1, 0, 0, 0))]);

        Assert.True(days[0].IsOver(Department.Body));
    }

    [Fact]
    public void A_dropped_job_gets_as_many_working_days_as_its_hours_over_one_technicians_day_skipping_closed_days()
    {
        var calendar = Weekdays();

        Assert.Equal(Monday, calendar.SuggestedEnd(Monday, default));
        Assert.Equal(Monday.AddDays(1), calendar.SuggestedEnd(Monday, new DepartmentHours(10, 4, 4, 0)));
        // Thursday with 27 hours (three days of nine): Thursday, Friday, Monday.
        Assert.Equal(Monday.AddDays(7), calendar.SuggestedEnd(Monday.AddDays(3), new DepartmentHours(15, 4, 4, 4)));
        // At most ten working days: two weeks, Friday the 11th.
        Assert.Equal(Monday.AddDays(11), calendar.SuggestedEnd(Monday, new DepartmentHours(500, 0, 0, 0)));
    }
}
