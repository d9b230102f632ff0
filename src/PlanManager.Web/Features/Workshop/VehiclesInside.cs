using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.Workshop;

/// <summary>What the Vehicles inside page was asked for (J3); from the query string so it can be bookmarked.</summary>
public sealed class VehiclesInsideQuery
{
    public int? Repairer { get; set; }

    /// <summary>Only the cars still marked in whose job is finished (the ones to mark off site).</summary>
    public bool Finished { get; set; }

    public int? Page { get; set; }
    public int? Size { get; set; }
}

public sealed record VehicleInsideRow(
    int Id,
    int Number,
    string Registration,
    string? Make,
    string? Model,
    string? Customer,
    string Repairer,
    JobStatus Status,
    DateTimeOffset? InsideSince,
    DateOnly? EstimatedCompletionDate,
    DateTimeOffset? OffSiteDate)
{
    /// <summary>Still marked in although the job is finished: <see cref="Job.IsStaleVehicleIn"/>.</summary>
    public bool IsFinished => Job.IsFinishedForVehicleIn(Status, OffSiteDate);

    public int DaysInside(DateOnly today, DisplayTime time) =>
        InsideSince is { } since && time is not null ? Math.Max(0, today.DayNumber - time.DayOf(since).DayNumber) : 0;
}

public sealed record VehiclesInsideModel(
    VehiclesInsideQuery Query,
    Page<VehicleInsideRow> Rows,
    int FinishedCount,
    IReadOnlyList<RepairerOption> Repairers,
    DateOnly Today)
{
    /// <summary>More finished cars are still in than were counted (<see cref="VehiclesInside.CountLimit"/>).</summary>
    public bool FinishedCountCapped => FinishedCount > VehiclesInside.CountLimit;
}

/// <summary>
/// The cars marked "vehicle in" (what the workshop and time-registration screens load). Every
/// query starts with VehicleIn = true on the (VehicleIn, RepairerId, VehicleInSince) index, so its
/// cost follows the cars inside, not the size of the Jobs table.
/// </summary>
public sealed class VehiclesInside(PlanManagerDbContext db, DisplayTime displayTime, RepairerOptions repairerOptions)
{
    /// <summary>
    /// How many cars the page counts at most, for the alert and for the pager. Cars left "in" pile up with
    /// the years (thousands at a million jobs); counting them all on every load made the page's cost follow
    /// the history (docs/benchmarks.md). Past it the page says "more than 1000".
    /// </summary>
    public const int CountLimit = 1_000;

    public async Task<VehiclesInsideModel> HandleAsync(VehiclesInsideQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var inside = Inside(query.Repairer);
        // CountLimit + 1 when there are more: the model tells the view to say "more than". Both counts are ordered as the
        // cars-inside indexes are ((VehicleIn[, RepairerId], VehicleInSince, ...)), so the limit needs no sort of every car inside.
        var finishedCount = await inside.Where(Job.FinishedForVehicleIn()).OrderBy(j => j.VehicleInSince).Take(CountLimit + 1).CountAsync(cancellationToken);
        var listed = query.Finished ? inside.Where(Job.FinishedForVehicleIn()) : inside;

        // Counted unsorted and at most CountLimit.
        var rows = await listed
            .OrderBy(j => j.VehicleInSince).ThenBy(j => j.Number)
            .Select(j => new VehicleInsideRow(
                j.Id,
                j.Number,
                j.Registration,
                j.Make,
                j.Model,
                j.Owner != null ? j.Owner.Name : null,
                j.Repairer!.Name,
                j.Status,
                j.VehicleInSince,
                j.EstimatedCompletionDate,
                j.OffSiteDate))
            .ToPageAsync(listed.OrderBy(j => j.VehicleInSince), query.Page, query.Size, cancellationToken, CountLimit);

        var repairers = await repairerOptions.GetAsync(db, cancellationToken);
        return new VehiclesInsideModel(query, rows, finishedCount, repairers, displayTime.Today());
    }

    /// <summary>The cars inside, optionally of one repairer; public so a test can check the database's plan for it.</summary>
    public IQueryable<Job> Inside(int? repairer) => Inside(db, repairer);

    /// <summary>The cars inside as the dashboard counts them: the same index seek as this page.</summary>
    public static IQueryable<Job> Inside(PlanManagerDbContext db, int? repairer)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A parameter, not the bare column: SQLite seeks an index only on "VehicleIn = ?".
        var vehicleIn = true;
        var jobs = db.Jobs.AsNoTracking().Where(j => j.VehicleIn == vehicleIn);
        return repairer is { } id ? jobs.Where(j => j.RepairerId == id) : jobs;
    }
}
