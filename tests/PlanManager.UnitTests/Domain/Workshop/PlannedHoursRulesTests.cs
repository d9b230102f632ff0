using PlanManager.Web.Domain.Workshop;

namespace PlanManager.UnitTests.Domain.Workshop;

public sealed class PlannedHoursRulesTests
{
    [Fact]
    public void Labour_lines_are_body_work_and_the_rest_of_the_labour_hours_is_paint_work_half_preparation()
    {
        // The sandbox's estimate: 3.5 labour hours, of which a 1.5 h labour line; a part, paint and other line.
        var hours = PlannedHoursRules.FromEstimate(3.5m, [("labour", 1.5m), ("part", 1m), ("paint", 1m), ("other", 1m)]);

        Assert.Equal(new DepartmentHours(1.5m, 1m, 1m, 0m), hours);
        Assert.Equal(3.5m, hours.Total);
    }

    [Fact]
    public void Without_labour_hours_the_labour_lines_count_and_labour_lines_above_the_total_are_capped()
    {
        Assert.Equal(new DepartmentHours(2.5m, 0, 0, 0), PlannedHoursRules.FromEstimate(null, [("labour", 2m), ("LABOUR", 0.5m), ("labour", null)]));
        Assert.Equal(new DepartmentHours(2m, 0, 0, 0), PlannedHoursRules.FromEstimate(2m, [("labour", 5m)]));
        Assert.Equal(new DepartmentHours(0, 0.75m, 0.75m, 0), PlannedHoursRules.FromEstimate(1.5m, []));
    }

    [Fact]
    public void Typed_hours_win_department_by_department_and_a_typed_zero_counts()
    {
        var estimate = new DepartmentHours(4, 2, 2, 0);

        var planned = PlannedHoursRules.Combine(estimate, [(Department.Paint, 5m), (Department.Preparation, 0m)]);

        Assert.Equal(new DepartmentHours(4, 0, 5, 0), planned);
        Assert.Equal(new DepartmentHours(0, 0, 0, 3), PlannedHoursRules.Combine(null, [(Department.Assembly, 3m)]));
    }
}
