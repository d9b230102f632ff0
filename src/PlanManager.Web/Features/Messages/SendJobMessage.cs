using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Messages;

public sealed class JobMessageForm
{
    public MessageKind Kind { get; set; } = MessageKind.Note;
    public string? Note { get; set; }
}

/// <summary>What the job screen's message card shows: who would receive it, and the job's messages.</summary>
public sealed record JobMessagesModel(int JobId, string? To, bool NoEmails, IReadOnlyList<MessageRow> Recent);

/// <summary>Staff send a templated message to the customer from the job screen (M1); the relay sends it like any other.</summary>
public sealed class SendJobMessage(PlanManagerDbContext db, CustomerMessages messages)
{
    /// <summary>Kinds staff may send by hand; appointment messages follow the appointment.</summary>
    public static readonly IReadOnlyList<MessageKind> Kinds = [MessageKind.Note, MessageKind.CarReady, MessageKind.PhotosReceived];

    public const int NoteLength = 2000;

    public async Task<CommandResult> HandleAsync(int jobId, JobMessageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var job = await db.Jobs.Include(j => j.Owner).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return CommandResult.NotFound;
        }

        var note = Text.Clean(form.Note);
        if (!Kinds.Contains(form.Kind) || (form.Kind == MessageKind.Note && note is null) || note is { Length: > NoteLength })
        {
            return CommandResult.Invalid(nameof(JobMessageForm.Note), "Messages.Job.NoteRequired");
        }

        var message = await messages.QueueAsync(db, form.Kind, job, automatic: false, note, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return message is null ? CommandResult.Conflict : CommandResult.Saved(jobId);
    }

    public async Task<JobMessagesModel> CardAsync(int jobId, CancellationToken cancellationToken)
    {
        var owner = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => j.Owner).SingleOrDefaultAsync(cancellationToken);
        var to = owner?.Email ?? await db.Appointments.AsNoTracking().Where(a => a.JobId == jobId).OrderByDescending(a => a.Id).Select(a => a.Email).FirstOrDefaultAsync(cancellationToken);
        var recent = await db.OutboxMessages.AsNoTracking().Where(m => m.JobId == jobId).OrderByDescending(m => m.Id).Take(5)
            .Select(m => new MessageRow(m.Id, m.CreatedAt, m.Kind, m.To, m.Subject, m.Status, m.Reason, m.JobId, null, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        return new JobMessagesModel(jobId, to, owner?.NoEmails == true, recent);
    }
}
