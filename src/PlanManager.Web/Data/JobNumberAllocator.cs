using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data;

/// <summary>Hands out job numbers; see <see cref="JobNumberCounter"/> for why this is safe under concurrency.</summary>
public static class JobNumberAllocator
{
    /// <summary>
    /// Takes the counter row's write lock without taking a number, for a use case that must check
    /// something before it creates a job (a queue accept): two of them then run one after the other.
    /// </summary>
    public static async Task LockAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The job number lock is held by a transaction; open one first.");
        }

        await LockRowAsync(db, JobNumberCounter.JobsName, cancellationToken);
    }

    /// <summary>
    /// Takes the write lock of one counter row (an UPDATE that leaves it as it is) until the caller's transaction ends, and
    /// returns its value. On PostgreSQL and SQL Server a second caller waits on the row; on SQLite on the database's one writer.
    /// </summary>
    public static async Task<int> LockRowAsync(PlanManagerDbContext db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A counter row's lock is held by a transaction; open one first.");
        }

        var updated = await db.JobNumberCounters
            .Where(c => c.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastValue, c => c.LastValue), cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"The counter row {name} is missing; run the database migrations.");
        }

        // Read after the UPDATE: the lock is ours, so the value is the one the last holder committed.
        return await db.JobNumberCounters.Where(c => c.Name == name).Select(c => c.LastValue).SingleAsync(cancellationToken);
    }

    /// <summary>Takes the next number. Call inside the transaction that inserts the job.</summary>
    public static async Task<int> NextAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A job number must be taken inside the transaction that saves the job.");
        }

        // The UPDATE comes first: it takes the write lock, so the read that follows sees our own increment only.
        var updated = await db.JobNumberCounters
            .Where(c => c.Name == JobNumberCounter.JobsName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastValue, c => c.LastValue + 1), cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException("The job number counter row is missing; run the database migrations.");
        }

        return await db.JobNumberCounters
            .Where(c => c.Name == JobNumberCounter.JobsName)
            .Select(c => c.LastValue)
            .SingleAsync(cancellationToken);
    }
}
