using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.UnitTests.Domain.Workshop;

public sealed class ClockRulesTests
{
    private static readonly DateTimeOffset Eight = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_stretch_that_starts_inside_another_line_overlaps_it()
    {
        var others = new (DateTimeOffset, DateTimeOffset?)[] { (Eight, Eight.AddHours(2)) };

        Assert.True(ClockRules.Overlaps(Eight.AddHours(1), Eight.AddHours(3), others, Eight.AddHours(9)));
        Assert.True(ClockRules.Overlaps(Eight.AddHours(-1), Eight.AddMinutes(1), others, Eight.AddHours(9)));
    }

    [Fact]
    public void Lines_that_only_touch_do_not_overlap()
    {
        var others = new (DateTimeOffset, DateTimeOffset?)[] { (Eight, Eight.AddHours(2)) };

        Assert.False(ClockRules.Overlaps(Eight.AddHours(2), Eight.AddHours(3), others, Eight.AddHours(9)));
        Assert.False(ClockRules.Overlaps(Eight.AddHours(-2), Eight, others, Eight.AddHours(9)));
    }

    [Fact]
    public void An_open_line_runs_until_now_for_overlaps()
    {
        var others = new (DateTimeOffset, DateTimeOffset?)[] { (Eight, null) };

        Assert.True(ClockRules.Overlaps(Eight.AddHours(3), Eight.AddHours(4), others, Eight.AddHours(5)));
        Assert.False(ClockRules.Overlaps(Eight.AddHours(3), Eight.AddHours(4), others, Eight.AddHours(2)));
    }

    [Fact]
    public void Pause_and_resume_add_up_the_worked_stretches_only()
    {
        // 08:00-10:00 worked, paused until 10:30, resumed until 12:15 and still running at 13:00 after lunch.
        var lines = new (DateTimeOffset, DateTimeOffset?)[]
        {
            (Eight, Eight.AddHours(2)),
            (Eight.AddHours(2.5), Eight.AddHours(4.25)),
            (Eight.AddHours(4.5), null),
        };

        Assert.Equal(4.25m, ClockRules.Hours(lines, Eight.AddHours(5)));
    }

    [Fact]
    public void Ending_a_line_twice_is_refused_and_an_end_before_the_start_is_clamped()
    {
        var line = new ClockLine { StartedAt = Eight };

        line.End(Eight.AddMinutes(-5), ClockEnd.Stopped);

        Assert.Equal(Eight, line.EndedAt);
        Assert.Throws<InvalidOperationException>(() => line.End(Eight.AddHours(1), ClockEnd.Paused));
    }

    [Fact]
    public void A_correction_keeps_before_and_after_and_clears_the_review_flag()
    {
        var line = new ClockLine { StartedAt = Eight, Task = WorkTask.Body, Department = Department.Body };
        line.CloseForReview(Eight.AddHours(9));

        var correction = line.Correct(Eight, Eight.AddHours(4), WorkTask.Paint, Department.Paint, "Forgot to stop", "staff@x", Eight.AddDays(1));

        Assert.Equal((Eight, Eight.AddHours(9), WorkTask.Body), (correction.StartBefore, correction.EndBefore!.Value, correction.TaskBefore));
        Assert.Equal((Eight, Eight.AddHours(4), WorkTask.Paint), (correction.StartAfter, correction.EndAfter, correction.TaskAfter));
        Assert.False(line.NeedsReview);
        Assert.Equal("staff@x", line.ReviewedBy);
        Assert.Equal(Department.Paint, line.Department);
    }

    [Theory]
    [InlineData(WorkTask.Dismantling, Department.Assembly)]
    [InlineData(WorkTask.Body, Department.Body)]
    [InlineData(WorkTask.PaintPrep, Department.Preparation)]
    [InlineData(WorkTask.Paint, Department.Paint)]
    [InlineData(WorkTask.Polishing, Department.Paint)]
    [InlineData(WorkTask.Assembly, Department.Assembly)]
    [InlineData(WorkTask.Other, Department.Preparation)]
    public void Each_task_counts_for_a_department_other_for_the_technicians_own(WorkTask task, Department expected) =>
        Assert.Equal(expected, task.DepartmentOf(Department.Preparation));

    [Fact]
    public void A_code_hash_depends_on_the_repairer_and_codes_are_four_digits()
    {
        Assert.Equal(TechnicianCode.Hash(1, "1234"), TechnicianCode.Hash(1, "1234"));
        Assert.NotEqual(TechnicianCode.Hash(1, "1234"), TechnicianCode.Hash(2, "1234"));
        Assert.True(TechnicianCode.IsWellFormed(TechnicianCode.NewCode()));
        Assert.False(TechnicianCode.IsWellFormed("12a4"));
        Assert.False(TechnicianCode.IsWellFormed("12345"));
        Assert.False(TechnicianCode.IsWellFormed("١٢٣٤"));
    }
}
