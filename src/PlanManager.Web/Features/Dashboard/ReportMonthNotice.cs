using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>
/// Notices, in every save, the jobs whose change moves a figure of the Reports page (one added or deleted, or its
/// off-site date, arrival, opening, repairer or source changed) and writes a <see cref="ReportMonthChange"/> for the old and
/// the new (repairer, month) in the same SaveChanges, as <c>CapsSyncNotice</c> notices a CAPS push (decision 0010). No use case
/// can forget it; <see cref="ReportTotals"/> turns the marks into rows, and the page counts a marked month live (decision 0021).
/// </summary>
public sealed class ReportMonthNotice(DisplayTime time) : SaveChangesInterceptor
{
    private static readonly string[] Watched =
        [nameof(Job.OffSiteDate), nameof(Job.ArrivedAt), nameof(Job.CreatedAt), nameof(Job.RepairerId), nameof(Job.Source)];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData?.Context);
        return result;
    }

    private void Note(DbContext? context)
    {
        if (context is not PlanManagerDbContext db)
        {
            return;
        }

        var marks = new HashSet<(int Repairer, DateOnly Month)>();
        foreach (var entry in db.ChangeTracker.Entries<Job>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    AddMarks(marks, entry, original: false);
                    break;
                case EntityState.Deleted:
                    AddMarks(marks, entry, original: true);
                    break;
                case EntityState.Modified when Watched.Any(p => entry.Property(p).IsModified):
                    AddMarks(marks, entry, original: true);
                    AddMarks(marks, entry, original: false);
                    break;
            }
        }

        db.ReportMonthChanges.AddRange(marks.Select(m => new ReportMonthChange { RepairerId = m.Repairer, Month = m.Month }));
    }

    private void AddMarks(HashSet<(int, DateOnly)> marks, EntityEntry<Job> entry, bool original)
    {
        T Value<T>(string name) => (T)(original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue)!;

        // A repairer saved in the same unit of work has no id yet: its month is marked for every repairer.
        var repairerProperty = entry.Property(nameof(Job.RepairerId));
        var repairer = !original && repairerProperty.IsTemporary ? ReportMonthChange.AllRepairers : Value<int>(nameof(Job.RepairerId));
        marks.Add((repairer, MonthOf(Value<DateTimeOffset>(nameof(Job.CreatedAt)))));
        if (Value<DateTimeOffset?>(nameof(Job.OffSiteDate)) is { } offSite)
        {
            marks.Add((repairer, MonthOf(offSite)));
        }
    }

    private DateOnly MonthOf(DateTimeOffset at)
    {
        var day = time.DayOf(at);
        return new DateOnly(day.Year, day.Month, 1);
    }
}
