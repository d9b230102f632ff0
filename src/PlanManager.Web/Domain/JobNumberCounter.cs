namespace PlanManager.Web.Domain;

/// <summary>
/// One row per sequence. Taking a number increments the row inside the transaction that
/// inserts the job, so concurrent creates serialize on the row lock and numbers never repeat.
/// </summary>
public class JobNumberCounter
{
    public const string JobsName = "Jobs";

    public string Name { get; set; } = JobsName;
    public int LastValue { get; set; }
}
