using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>
/// The dashboard (R1): what a manager looks at every morning, for one repairer or all. Each figure is
/// one query on an index (decision 0015); none reads the job table row by row.
/// </summary>
public sealed class DashboardFigures(PlanManagerDbContext db, DisplayTime time, TimeProvider clock, RepairerOptions repairerOptions)
{
    /// <summary>Days inside that start each bar, the newest first: 0-1, 2-3, 4-7, 8-14, 15-30, over 30.</summary>
    public static readonly IReadOnlyList<int> DaysInFrom = [0, 2, 4, 8, 15, 31];

    /// <summary>Appointments listed per day; the count says when there are more.</summary>
    public const int AppointmentRows = 12;

    /// <summary>The statuses of jobs still being worked on; finished ones are history (the Reports page).</summary>
    public static readonly IReadOnlyList<JobStatus> OpenStatuses = [.. Enum.GetValues<JobStatus>().Where(s => !s.IsFinished())];

    public async Task<DashboardModel> BuildAsync(int? repairer, CancellationToken cancellationToken)
    {
        var repairers = await repairerOptions.GetAsync(db, cancellationToken);
        var chosen = repairers.FirstOrDefault(r => r.Id == repairer)?.Id;
        var now = clock.GetUtcNow();
        var today = time.Today();
        return new DashboardModel(
            chosen,
            repairers,
            now,
            await DaysInsideAsync(chosen, today, cancellationToken),
            await StatusesAsync(chosen, cancellationToken),
            await QueuesAsync(chosen, cancellationToken),
            await AppointmentsAsync(chosen, today, cancellationToken),
            await AppointmentsAsync(chosen, today.AddDays(1), cancellationToken),
            await HealthAsync(chosen, cancellationToken));
    }

    /// <summary>
    /// Cars inside by days in, the stale ones (finished or with an off site date) apart. The cars still being repaired are
    /// as many as the workshop holds and are counted exactly; so are the stale ones of the last 30 days. Stale cars over
    /// 30 days are the history left marked in (thousands at a million jobs): counted up to
    /// <see cref="Workshop.VehiclesInside.CountLimit"/>, as Vehicles inside does, so the figure costs the same at any size.
    /// </summary>
    public async Task<IReadOnlyList<DaysInBar>> DaysInsideAsync(int? repairer, DateOnly today, CancellationToken cancellationToken)
    {
        // Bounds ascending in time: the start of the day 30, 14, 7, 3 and 1 days ago. Bucket 0 is "over 30 days".
        var bounds = DaysInFrom.Skip(1).Reverse().Select(d => time.At(today.AddDays(-(d - 1)), TimeOnly.MinValue)).ToList();
        var bucket = Buckets.Index<Job>(j => j.VehicleInSince, bounds);
        DateTimeOffset? monthAgo = bounds[0];
        var cars = Workshop.VehiclesInside.Inside(db, repairer);

        // Each on its own index range: open statuses without an off site date, and the stale cars since the start of day 30.
        var current = await cars.Where(Job.OpenForVehicleIn()).GroupBy(bucket).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var stale = await cars.Where(j => j.VehicleInSince >= monthAgo).Where(Job.FinishedForVehicleIn()).GroupBy(bucket)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var limit = Workshop.VehiclesInside.CountLimit;
        var oldStale = await cars.Where(j => j.VehicleInSince == null || j.VehicleInSince < monthAgo).Where(Job.FinishedForVehicleIn())
            .OrderBy(j => j.VehicleInSince).Take(limit + 1).CountAsync(cancellationToken);
        stale[0] = Math.Min(oldStale, limit);

        return [.. DaysInFrom.Select((from, i) =>
        {
            var index = DaysInFrom.Count - 1 - i;
            var to = i + 1 < DaysInFrom.Count ? DaysInFrom[i + 1] - 1 : (int?)null;
            return new DaysInBar(from, to, current.GetValueOrDefault(index), stale.GetValueOrDefault(index), index == 0 && oldStale > limit);
        })];
    }

    /// <summary>Jobs still being worked on, per status.</summary>
    public async Task<IReadOnlyList<StatusCount>> StatusesAsync(int? repairer, CancellationToken cancellationToken)
    {
        var jobs = db.Jobs.AsNoTracking().Where(j => OpenStatuses.Contains(j.Status));
        if (repairer is { } id)
        {
            jobs = jobs.Where(j => j.RepairerId == id);
        }

        var counts = await jobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. OpenStatuses.Select(s => new StatusCount(s, counts.GetValueOrDefault(s)))];
    }

    /// <summary>Work waiting in each Job Queue and the oldest item. CAPS and AudatexUK offers belong to no repairer yet.</summary>
    public async Task<IReadOnlyList<QueueTile>> QueuesAsync(int? repairer, CancellationToken cancellationToken)
    {
        var offers = await db.QueueItems.AsNoTracking().Where(q => q.Status == QueueItemStatus.Waiting)
            .GroupBy(q => q.Platform).Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(q => q.OfferedAt) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);

        var assignments = db.Claims360Items.AsNoTracking().Where(i => i.Status == Claims360ItemStatus.Waiting);
        var transmissions = Informex.UnlinkedTransmissions.Of(db);
        if (repairer is { } id)
        {
            assignments = assignments.Where(i => i.RepairerId == id);
            transmissions = transmissions.Where(t => t.RepairerId == id);
        }

        var claims360 = await assignments.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(i => i.ImportedAt) }).FirstOrDefaultAsync(cancellationToken);
        var informex = await transmissions.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(t => t.ReceivedAt) }).FirstOrDefaultAsync(cancellationToken);
        var enabled = await db.ConnectorSettings.AsNoTracking().Where(s => s.Enabled).Select(s => s.Kind).ToListAsync(cancellationToken);

        QueueTile Offers(ConnectorKind kind) =>
            offers.TryGetValue(kind, out var o) ? new QueueTile(kind, enabled.Contains(kind), o.Count, o.Oldest) : new QueueTile(kind, enabled.Contains(kind), 0, null);
        return
        [
            Offers(ConnectorKind.Caps),
            Offers(ConnectorKind.AudatexUk),
            new QueueTile(ConnectorKind.Claims360, enabled.Contains(ConnectorKind.Claims360), claims360?.Count ?? 0, claims360?.Oldest),
            new QueueTile(ConnectorKind.Informex, enabled.Contains(ConnectorKind.Informex), informex?.Count ?? 0, informex?.Oldest),
        ];
    }

    /// <summary>The appointments of one day that still hold a place, the first few in time order, and how many there are.</summary>
    public async Task<AppointmentDay> AppointmentsAsync(int? repairer, DateOnly day, CancellationToken cancellationToken)
    {
        var from = time.At(day, TimeOnly.MinValue);
        var to = time.At(day.AddDays(1), TimeOnly.MinValue);
        var appointments = db.Appointments.AsNoTracking().Where(a => a.Start >= from && a.Start < to && a.Status != AppointmentStatus.Cancelled);
        if (repairer is { } id)
        {
            appointments = appointments.Where(a => a.RepairerId == id);
        }

        var rows = await appointments.OrderBy(a => a.Start).ThenBy(a => a.Id).Take(AppointmentRows + 1)
            .Select(a => new AppointmentLine(a.Id, a.Start, a.Kind, a.Status, a.JobId == null, a.CustomerName, a.Repairer!.Name, a.Job != null ? a.Job.Number : null, a.JobId))
            .ToListAsync(cancellationToken);
        var count = rows.Count > AppointmentRows ? await appointments.CountAsync(cancellationToken) : rows.Count;
        return new AppointmentDay(day, count, [.. rows.Take(AppointmentRows)]);
    }

    /// <summary>Connector health: the last check of each connector, Claims360 imports per repairer, CAPS pushes failed or waiting.</summary>
    public async Task<ConnectorHealth> HealthAsync(int? repairer, CancellationToken cancellationToken)
    {
        var checks = await db.ConnectorSettings.AsNoTracking().OrderBy(s => s.Kind)
            .Select(s => new ConnectorCheck(s.Kind, s.Enabled, s.LastCheckAt, s.LastCheckOk)).ToListAsync(cancellationToken);

        var setups = db.Claims360Setups.AsNoTracking();
        if (repairer is { } id)
        {
            setups = setups.Where(s => s.RepairerId == id);
        }

        var imports = await setups.OrderBy(s => s.Repairer!.Name)
            .Select(s => new Claims360Import(s.RepairerId, s.Repairer!.Name, s.LastImportAt, s.LastImportErrorAt, s.LastImportError))
            .ToListAsync(cancellationToken);

        // Owed (DueAt set) and failed since the last success (Attempts > 0) each on its own index, so the figure reads only the
        // pushes it counts: an OR of the two scanned every state, and a join to the jobs walked the repairer's whole history.
        var states = db.CapsSyncStates.AsNoTracking();
        if (repairer is { } r)
        {
            states = states.Where(s => db.Jobs.Any(j => j.Id == s.JobId && j.RepairerId == r));
        }

        var waiting = await states.Where(s => s.DueAt != null).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(s => s.DueAt) }).FirstOrDefaultAsync(cancellationToken);
        var failed = await states.Where(s => s.Attempts > 0).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Latest = g.Max(s => s.JobId) }).FirstOrDefaultAsync(cancellationToken);
        var caps = new CapsPushes(waiting?.Count ?? 0, failed?.Count ?? 0, waiting?.Oldest, failed?.Latest ?? 0);
        return new ConnectorHealth(checks, imports, caps);
    }
}

public sealed record DashboardModel(
    int? Repairer,
    IReadOnlyList<RepairerOption> Repairers,
    DateTimeOffset Now,
    IReadOnlyList<DaysInBar> DaysInside,
    IReadOnlyList<StatusCount> Statuses,
    IReadOnlyList<QueueTile> Queues,
    AppointmentDay Today,
    AppointmentDay Tomorrow,
    ConnectorHealth Health)
{
    public int CarsInside => DaysInside.Sum(b => b.Current + b.Stale);

    public int StaleInside => DaysInside.Sum(b => b.Stale);

    /// <summary>More stale cars are inside than were counted: the totals are "more than".</summary>
    public bool StaleCapped => DaysInside.Any(b => b.StaleCapped);
}

/// <summary>
/// One bar of "cars inside by days in": cars from <see cref="FromDays"/> to <see cref="ToDays"/> days inside (no upper end for
/// the last). <see cref="StaleCapped"/>: there are more stale cars than <see cref="Stale"/>, which is the counting limit.
/// </summary>
public sealed record DaysInBar(int FromDays, int? ToDays, int Current, int Stale, bool StaleCapped = false);

public sealed record StatusCount(JobStatus Status, int Count);

public sealed record QueueTile(ConnectorKind Platform, bool Enabled, int Waiting, DateTimeOffset? Oldest);

public sealed record AppointmentDay(DateOnly Day, int Count, IReadOnlyList<AppointmentLine> Lines);

public sealed record AppointmentLine(
    int Id, DateTimeOffset Start, AppointmentKind Kind, AppointmentStatus Status, bool IsRequest, string Customer, string Repairer, int? JobNumber, int? JobId);

public sealed record ConnectorCheck(ConnectorKind Kind, bool Enabled, DateTimeOffset? LastCheckAt, bool? LastCheckOk);

public sealed record Claims360Import(int RepairerId, string Repairer, DateTimeOffset? LastImportAt, DateTimeOffset? LastErrorAt, string? LastError)
{
    /// <summary>The last import failed (a good one clears the error).</summary>
    public bool Failing => LastErrorAt is not null;
}

/// <summary>CAPS pushes owed and failed; <see cref="LatestFailedJobId"/> is 0 when none failed.</summary>
public sealed record CapsPushes(int Waiting, int Failed, DateTimeOffset? OldestDue, int LatestFailedJobId);

public sealed record ConnectorHealth(IReadOnlyList<ConnectorCheck> Checks, IReadOnlyList<Claims360Import> Claims360, CapsPushes Caps);
