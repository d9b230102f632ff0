namespace PlanManager.Web.Domain.Workshop;

/// <summary>What a technician clocks on (W2); each task counts for a department, shown as <c>WorkTask.{name}</c>.</summary>
public enum WorkTask
{
    Dismantling = 0,
    Body = 1,
    PaintPrep = 2,
    Paint = 3,
    Assembly = 4,
    Polishing = 5,
    Other = 6,
}

public static class WorkTasks
{
    /// <summary>The department a task's hours count for; "other" counts for the technician's own department.</summary>
    public static Department DepartmentOf(this WorkTask task, Department technicianDepartment) => task switch
    {
        WorkTask.Dismantling or WorkTask.Assembly => Department.Assembly,
        WorkTask.Body => Department.Body,
        WorkTask.PaintPrep => Department.Preparation,
        WorkTask.Paint or WorkTask.Polishing => Department.Paint,
        _ => technicianDepartment,
    };
}
