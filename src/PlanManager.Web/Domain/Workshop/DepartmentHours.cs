namespace PlanManager.Web.Domain.Workshop;

/// <summary>Hours per department, for a job, a day or a capacity.</summary>
public readonly record struct DepartmentHours(decimal Body, decimal Preparation, decimal Paint, decimal Assembly)
{
    public static readonly IReadOnlyList<Department> All = Enum.GetValues<Department>();

    public decimal this[Department department] => department switch
    {
        Department.Body => Body,
        Department.Preparation => Preparation,
        Department.Paint => Paint,
        Department.Assembly => Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(department)),
    };

    public decimal Total => Body + Preparation + Paint + Assembly;

    public DepartmentHours With(Department department, decimal hours) => department switch
    {
        Department.Body => this with { Body = hours },
        Department.Preparation => this with { Preparation = hours },
        Department.Paint => this with { Paint = hours },
        Department.Assembly => this with { Assembly = hours },
        _ => throw new ArgumentOutOfRangeException(nameof(department)),
    };

    public static DepartmentHours operator +(DepartmentHours a, DepartmentHours b) =>
        new(a.Body + b.Body, a.Preparation + b.Preparation, a.Paint + b.Paint, a.Assembly + b.Assembly);

    public DepartmentHours Add(DepartmentHours other) => this + other;

    public DepartmentHours Divide(int parts) =>
        parts <= 0 ? this : new(Body / parts, Preparation / parts, Paint / parts, Assembly / parts);
}

/// <summary>
/// Where a job's planned hours come from (W1, docs/decisions/0013-planning-board.md): the newest
/// estimate version of Claims360 or Informex, department by department replaced by what a planner typed.
/// </summary>
public static class PlannedHoursRules
{
    /// <summary>The line kind whose quantity is hours of body work (claims360.yaml, informex.yaml).</summary>
    public const string LabourKind = "labour";

    /// <summary>
    /// An estimate's hours per department: its "labour" lines (quantity = hours) are body work; the rest
    /// of its labour hours is paint work, half preparation and half painting. Parts and other lines carry
    /// no time. Assembly is not in an estimate: planners type it.
    /// </summary>
    public static DepartmentHours FromEstimate(decimal? labourHours, IEnumerable<(string Kind, decimal? Quantity)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var body = lines.Where(l => string.Equals(l.Kind, LabourKind, StringComparison.OrdinalIgnoreCase))
            .Sum(l => Math.Max(0m, l.Quantity ?? 0m));
        var total = Math.Max(0m, labourHours ?? body);
        body = Math.Min(body, total);
        var paintWork = total - body;
        var preparation = Math.Round(paintWork / 2, 2);
        return new DepartmentHours(body, preparation, paintWork - preparation, 0m);
    }

    /// <summary>Typed hours win, department by department; a department not typed keeps the estimate's.</summary>
    public static DepartmentHours Combine(DepartmentHours? estimate, IEnumerable<(Department Department, decimal Hours)> typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var hours = estimate ?? default;
        foreach (var (department, value) in typed)
        {
            hours = hours.With(department, value);
        }

        return hours;
    }
}
