namespace PlanManager.Web.Domain;

/// <summary>
/// One row per sequence. Taking a number increments the row inside the transaction that
/// inserts the job, so concurrent creates serialize on the row lock and numbers never repeat.
/// The row <see cref="ReportTotalsName"/> is no sequence: its lock serialises the monthly report totals and its value
/// says whether they were filled (decision 0021).
/// </summary>
public class JobNumberCounter
{
    public const string JobsName = "Jobs";
    public const string ReportTotalsName = "ReportTotals";
    public const int ReportTotalsNotFilled = 0;
    public const int ReportTotalsFilled = 1;

    public string Name { get; set; } = JobsName;
    public int LastValue { get; set; }
}
