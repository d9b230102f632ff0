using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Messages;

/// <summary>
/// Notices, in every save, the customer messages a job change owes (M1), as <c>CapsSyncNotice</c>
/// notices a CAPS push: a job whose status became Ready owes "your car is ready", a job whose customer
/// added portal photos owes "photos received". The message is written in the same SaveChanges. Every
/// message added to the outbox in a save (these, and those a use case wrote through
/// <see cref="CustomerMessages"/>) is handed to Hangfire once the save is committed; a rollback forgets
/// it, and the relay's sweep catches a hand-over that was lost.
/// </summary>
public sealed class MailOutboxNotice(CustomerMessages messages, IBackgroundJobClient backgroundJobs) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<OutboxMessage> _noted = [];
    private readonly List<OutboxMessage> _saved = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is PlanManagerDbContext db)
        {
            await NoteAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is PlanManagerDbContext db)
        {
            NoteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData?.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _noted.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _noted.Clear();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Relay();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Relay();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => _saved.Clear();

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _saved.Clear();
        return Task.CompletedTask;
    }

    private async Task NoteAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<Job>().Where(e => e.State == EntityState.Modified).ToList())
        {
            if (BecameReady(entry))
            {
                await messages.QueueAsync(db, MessageKind.CarReady, entry.Entity, automatic: true, note: null, cancellationToken);
            }

            if (PortalPhotosAdded(entry) && !await BookedJustNowAsync(db, entry.Entity, cancellationToken))
            {
                await messages.QueueAsync(db, MessageKind.PhotosReceived, entry.Entity, automatic: true, note: null, cancellationToken);
            }
        }

        _noted.AddRange(db.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.Status == MessageStatus.Waiting)
            .Select(e => e.Entity));
    }

    private static bool BecameReady(EntityEntry<Job> entry)
    {
        var status = entry.Property(j => j.Status);
        return status.IsModified && status.CurrentValue == JobStatus.Ready && status.OriginalValue != JobStatus.Ready;
    }

    private static bool PortalPhotosAdded(EntityEntry<Job> entry)
    {
        var added = entry.Property(j => j.PortalPhotosAddedAt);
        return added.IsModified && added.CurrentValue is { } now && added.OriginalValue != now;
    }

    /// <summary>Photos sent with a booking are acknowledged by the booking's own message, or by the confirmation that brings them to the job.</summary>
    private static async Task<bool> BookedJustNowAsync(PlanManagerDbContext db, Job job, CancellationToken cancellationToken)
    {
        if (db.OutboxMessages.Local.Any(m => ReferenceEquals(m.Job, job) && m.Kind is MessageKind.BookingReceived or MessageKind.AppointmentConfirmed))
        {
            return true;
        }

        var since = job.PortalPhotosAddedAt!.Value - TimeSpan.FromMinutes(10);
        return await db.OutboxMessages.AsNoTracking().AnyAsync(
            m => m.JobId == job.Id && (m.Kind == MessageKind.BookingReceived || m.Kind == MessageKind.AppointmentConfirmed) && m.CreatedAt > since, cancellationToken);
    }

    private void Saved(DbContext? context)
    {
        _saved.AddRange(_noted);
        _noted.Clear();
        if (context?.Database.CurrentTransaction is null)
        {
            Relay();
        }
    }

    private void Relay()
    {
        foreach (var message in _saved.Where(m => m.Id > 0))
        {
            backgroundJobs.Enqueue<MailOutboxRelay>(relay => relay.SendAsync(message.Id, CancellationToken.None));
        }

        _saved.Clear();
    }
}
