using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Features.TimeRegistration;

/// <summary>A clock line as the timesheets and the job's hours show it.</summary>
public sealed record ClockLineRow(
    long Id,
    int TechnicianId,
    string Technician,
    int JobId,
    int JobNumber,
    string Registration,
    WorkTask Task,
    Department Department,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ClockEnd? EndReason,
    bool NeedsReview,
    int Corrections)
{
    public decimal Hours(DateTimeOffset now) => ClockRules.Hours([(StartedAt, EndedAt)], now);
}

internal static class ClockLineQueries
{
    public static IQueryable<ClockLineRow> Rows(this IQueryable<ClockLine> lines) => lines.Select(l => new ClockLineRow(
        l.Id, l.TechnicianId, l.Technician!.Name, l.JobId, l.Job!.Number, l.Job.Registration, l.Task, l.Department, l.StartedAt, l.EndedAt, l.EndReason,
        l.NeedsReview, l.Corrections.Count));
}
