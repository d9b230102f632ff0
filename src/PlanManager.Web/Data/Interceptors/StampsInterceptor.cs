using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Interceptors;

/// <summary>
/// The one place stamps are set (ARCHITECTURE.md, "one door for a job"): <c>CreatedAt</c> when an
/// <see cref="IStamped"/> entity is first saved, <c>UpdatedAt</c> whenever a save adds or changes an
/// <see cref="IChangeStamped"/> one, and a new concurrency stamp whenever a job's file changes.
/// </summary>
public sealed class StampsInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private const string CreatedAt = "CreatedAt";
    private const string UpdatedAt = "UpdatedAt";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<IChangeStamped>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    StampAdded(entry, now);
                    break;
                case EntityState.Modified:
                    entry.Property(UpdatedAt).CurrentValue = now;
                    if (entry.Entity is Job && entry.Properties.Any(p => p.IsModified && !Job.NoticeProperties.Contains(p.Metadata.Name)))
                    {
                        // A job screen open elsewhere must not overwrite this change unseen.
                        entry.Property(nameof(Job.ConcurrencyStamp)).CurrentValue = Guid.NewGuid();
                    }

                    break;
            }
        }
    }

    private static void StampAdded(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<IChangeStamped> entry, DateTimeOffset now)
    {
        // History brought in (demo data, Job.Backdate) keeps the date it carries.
        if (entry.Entity is IStamped && entry.Property(CreatedAt).CurrentValue is DateTimeOffset created && created == default)
        {
            entry.Property(CreatedAt).CurrentValue = now;
        }

        if (entry.Property(UpdatedAt).CurrentValue is not DateTimeOffset updated || updated == default)
        {
            entry.Property(UpdatedAt).CurrentValue = entry.Entity is IStamped ? entry.Property(CreatedAt).CurrentValue : now;
        }
    }
}
