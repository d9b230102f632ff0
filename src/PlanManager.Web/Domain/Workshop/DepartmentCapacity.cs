namespace PlanManager.Web.Domain.Workshop;

/// <summary>
/// What one department of a repairer can do on an open day (W1): its technicians times the hours
/// each works. Set by Support on the planning board's capacity page; a department without a row
/// has the default (one technician for the opening hours, see <see cref="PlanningCalendar"/>).
/// </summary>
public class DepartmentCapacity
{
    public int RepairerId { get; set; }
    public Department Department { get; set; }
    public int Technicians { get; set; }
    public decimal HoursPerTechnician { get; set; }

    public decimal HoursPerDay => Technicians * HoursPerTechnician;
}

/// <summary>The hours a planner typed for one department of a job (W1); they win over the estimate's.</summary>
public class PlannedHours
{
    public int JobId { get; set; }
    public Department Department { get; set; }
    public decimal Hours { get; set; }
}

public static class PlanningLimits
{
    /// <summary>Nobody works more than a day; a department's day grows with its technicians.</summary>
    public const decimal MaxHoursPerTechnician = 24m;

    public const int MaxTechnicians = 99;

    /// <summary>Hours of one department on one job; more is a typing error.</summary>
    public const decimal MaxJobHours = 999m;

    /// <summary>
    /// The longest plan (calendar days). The board finds a week's jobs by their start date in an index
    /// range this long before the week, so a plan may not be longer.
    /// </summary>
    public const int MaxPlanDays = 60;

    /// <summary>A job dropped without an end gets at most this many working days.</summary>
    public const int MaxSuggestedDays = 10;
}
