namespace PlanManager.Web.Domain.Workshop;

/// <summary>
/// A workshop department (W1, W2): the planning board measures load against capacity per
/// department, and a technician works in one. Shown as <c>Department.{name}</c> texts.
/// </summary>
public enum Department
{
    Body = 0,
    Preparation = 1,
    Paint = 2,
    Assembly = 3,
}
