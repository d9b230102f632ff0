using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Repairers;

/// <summary>
/// The repairers by name, for the filters and forms that offer a choice of repairer (the job list, Vehicles inside, the
/// dashboard, reports, planning, time registration). Read once per <see cref="Lifetime"/> per app process rather than on
/// every page (issue 18): repairers change seldom, and a change this process saves shows on the next page
/// (<see cref="RepairerOptionsNotice"/>); another node of a cluster shows it within the lifetime. The job rows themselves
/// always show the repairer's current name (they join it). Decision 0025.
/// </summary>
public sealed class RepairerOptions(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly KeptReading<IReadOnlyList<RepairerOption>> _kept = new(clock, Lifetime);

    public Task<IReadOnlyList<RepairerOption>> GetAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _kept.GetAsync(
            async token => await db.Repairers.AsNoTracking().OrderBy(r => r.Name).Select(r => new RepairerOption(r.Id, r.Name)).ToListAsync(token),
            cancellationToken);
    }

    /// <summary>The next page reads the repairers again.</summary>
    public void Invalidate() => _kept.Invalidate();
}

/// <summary>Drops the kept repairers when this process adds, renames or deletes one.</summary>
public sealed class RepairerOptionsNotice(RepairerOptions options) : TableWriteNotice(["\"Repairers\"", "[Repairers]"])
{
    protected override void Changed() => options.Invalidate();
}
