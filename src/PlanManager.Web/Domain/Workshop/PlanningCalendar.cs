namespace PlanManager.Web.Domain.Workshop;

/// <summary>
/// A repairer's working days and capacity (W1): open weekdays from its opening hours
/// (<see cref="AppointmentSchedule"/>), hours per department from <see cref="DepartmentCapacity"/>.
/// </summary>
public sealed class PlanningCalendar
{
    private readonly DepartmentHours _capacity;

    public PlanningCalendar(int openDays, TimeOnly opens, TimeOnly closes, IEnumerable<DepartmentCapacity> capacities)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        OpenDays = openDays;
        DayLength = closes > opens ? (decimal)(closes - opens).TotalHours : 0m;
        // A department nobody set up counts as one technician for the opening hours.
        var byDepartment = capacities.ToDictionary(c => c.Department, c => c.HoursPerDay);
        _capacity = DepartmentHours.All.Aggregate(
            new DepartmentHours(DayLength, DayLength, DayLength, DayLength),
            (hours, d) => byDepartment.TryGetValue(d, out var set) ? hours.With(d, set) : hours);
    }

    public static PlanningCalendar For(AppointmentSchedule? schedule, IEnumerable<DepartmentCapacity> capacities)
    {
        var s = schedule ?? new AppointmentSchedule();
        return new PlanningCalendar(s.OpenDays, s.Opens, s.Closes, capacities);
    }

    public int OpenDays { get; }

    /// <summary>Hours between opening and closing: one technician's day.</summary>
    public decimal DayLength { get; }

    public bool IsOpen(DateOnly day) => (OpenDays & (1 << (int)day.DayOfWeek)) != 0;

    /// <summary>Capacity of an open day; a closed day has none.</summary>
    public DepartmentHours CapacityOn(DateOnly day) => IsOpen(day) ? _capacity : default;

    public DepartmentHours OpenDayCapacity => _capacity;

    /// <summary>The open days from start to end; a plan on closed days only works on its first day.</summary>
    public IReadOnlyList<DateOnly> WorkingDays(DateOnly start, DateOnly end)
    {
        var days = new List<DateOnly>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (IsOpen(day))
            {
                days.Add(day);
            }
        }

        return days.Count > 0 ? days : [start];
    }

    /// <summary>A job's hours per day: each department's hours evenly over the plan's working days.</summary>
    public IReadOnlyDictionary<DateOnly, DepartmentHours> Spread(DepartmentHours hours, DateOnly start, DateOnly end)
    {
        var days = WorkingDays(start, end < start ? start : end);
        var perDay = hours.Divide(days.Count);
        return days.ToDictionary(d => d, _ => perDay);
    }

    /// <summary>
    /// The end of a plan dropped on <paramref name="start"/> without one: a car goes through the departments
    /// one after another, so its total hours over one technician's day, in working days (at least one).
    /// </summary>
    public DateOnly SuggestedEnd(DateOnly start, DepartmentHours hours)
    {
        var needed = DayLength <= 0 ? 1 : (int)Math.Ceiling(hours.Total / DayLength);
        needed = Math.Clamp(needed, 1, PlanningLimits.MaxSuggestedDays);
        var day = start;
        var counted = IsOpen(start) ? 1 : 0;
        while (counted < needed && day < start.AddDays(PlanningLimits.MaxPlanDays - 1))
        {
            day = day.AddDays(1);
            if (IsOpen(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Load against capacity per day of [from, to] for the given plans.</summary>
    public IReadOnlyList<DayLoad> Load(DateOnly from, DateOnly to, IEnumerable<(DateOnly Start, DateOnly End, DepartmentHours Hours)> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var load = new Dictionary<DateOnly, DepartmentHours>();
        foreach (var (start, end, hours) in plans)
        {
            foreach (var (day, share) in Spread(hours, start, end))
            {
                if (day >= from && day <= to)
                {
                    load[day] = load.GetValueOrDefault(day) + share;
                }
            }
        }

        var days = new List<DayLoad>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(new DayLoad(day, IsOpen(day), load.GetValueOrDefault(day), CapacityOn(day)));
        }

        return days;
    }
}

/// <summary>One day of the board: planned hours against capacity, per department.</summary>
public sealed record DayLoad(DateOnly Day, bool Open, DepartmentHours Load, DepartmentHours Capacity)
{
    /// <summary>More planned than the department can do (any load on a closed day is too much).</summary>
    public bool IsOver(Department department) => Load[department] > Capacity[department];

    public bool AnyOver => DepartmentHours.All.Any(IsOver);
}
