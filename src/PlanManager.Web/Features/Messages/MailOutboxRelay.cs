using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Messages;

/// <summary>
/// Sends the outbox (M1), run by Hangfire: once per message right after the save that wrote it, and a
/// sweep every minute for what is due again (a retry, a sender that died, messages written before a
/// mail server was configured). A message is claimed with a conditional update (one sender wins) and
/// held for <see cref="MailOptions.SendLease"/>; a 4xx answer or a lost connection is tried again with
/// doubling waits, a 5xx is not, and a refused recipient joins the suppression list. What this does and
/// does not guarantee: docs/decisions/0012-customer-messages.md.
/// </summary>
public sealed partial class MailOutboxRelay(
    PlanManagerDbContext db,
    MailSender sender,
    JobLogWriter log,
    IBackgroundJobClient jobs,
    IOptions<MailOptions> options,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    ILogger<MailOutboxRelay> logger)
{
    public const string SweepJobId = "mail-outbox-relay";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(120)]
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var configured = options.Value.ServerConfigured;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == MessageStatus.Waiting && m.DueAt <= now)
                || (m.Status == MessageStatus.Sending && m.LeaseUntil <= now)
                || (configured && m.Status == MessageStatus.NotSent && m.Reason == NotSentReason.NoMailServer))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MailOutboxRelay>().SendAsync(id, cancellationToken);
        }
    }

    /// <summary>Sends one message if it is due (or was left half-sent by a sender that died); otherwise does nothing.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        if (!options.Value.ServerConfigured)
        {
            // The embedded demo: the message stays readable under Administration > Messages and is sent once a server is configured.
            await db.OutboxMessages.Where(m => m.Id == id && m.Status == MessageStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.NotSent).SetProperty(m => m.Reason, NotSentReason.NoMailServer), cancellationToken);
            return;
        }

        var before = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Status, m.DueAt, m.LeaseUntil, m.Reason }).SingleOrDefaultAsync(cancellationToken);
        var interrupted = before is { Status: MessageStatus.Sending } && before.LeaseUntil <= now;
        if (before is null || !(interrupted || (before.Status == MessageStatus.Waiting && before.DueAt <= now)
            || (before.Status == MessageStatus.NotSent && before.Reason == NotSentReason.NoMailServer)))
        {
            return;
        }

        // Claim it: the row must still be as read; a second sender finds it changed and leaves it.
        var lease = now + options.Value.SendLease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == before.Status && m.DueAt == before.DueAt && m.LeaseUntil == before.LeaseUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.LeaseUntil, lease)
                .SetProperty(m => m.Reason, NotSentReason.None).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastAttemptAt, now), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        var result = await sender.SendAsync(message, cancellationToken);
        await MarkAsync(message, result, interrupted, cancellationToken);
    }

    /// <summary>Support sends a failed message again (the same Message-ID).</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.Status == MessageStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Waiting).SetProperty(m => m.DueAt, now).SetProperty(m => m.Attempts, 0), cancellationToken);
        if (changed > 0)
        {
            jobs.Enqueue<MailOutboxRelay>(relay => relay.SendAsync(id, CancellationToken.None));
        }

        return changed > 0;
    }

    private async Task MarkAsync(OutboxMessage message, SendResult result, bool interrupted, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var detail = $"{message.Kind}|{message.To}";
        message.LeaseUntil = null;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                message.Status = MessageStatus.Sent;
                message.SentAt = now;
                message.LastError = null;
                LogOnJob(message, interrupted ? JobLogMessages.MailResent : JobLogMessages.MailSent, detail, LogLevelKind.Info);
                break;
            case SendOutcome.Transient when message.Attempts < options.Value.MaxAttempts:
                message.Status = MessageStatus.Waiting;
                message.DueAt = now + (options.Value.RetryDelay * Math.Pow(2, message.Attempts - 1));
                message.LastError = Limit(result.Detail);
                LogOnJob(message, JobLogMessages.MailRetry, $"{detail}|{message.LastError}", LogLevelKind.Warning);
                break;
            default:
                message.Status = MessageStatus.Failed;
                message.DueAt = null;
                message.LastError = Limit(result.Detail);
                var bounced = result.Outcome == SendOutcome.Bounced;
                LogOnJob(message, bounced ? JobLogMessages.MailBounced : JobLogMessages.MailFailed, $"{detail}|{message.LastError}", LogLevelKind.Error);
                if (bounced)
                {
                    await SuppressAsync(message.To, message.LastError, now, cancellationToken);
                }

                break;
        }

        if (result.Outcome != SendOutcome.Sent)
        {
            LogSendFailed(logger, message.Id, result.Outcome, message.Status);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (message.Status == MessageStatus.Waiting && message.DueAt is { } next)
        {
            jobs.Schedule<MailOutboxRelay>(relay => relay.SendAsync(message.Id, CancellationToken.None), next + TimeSpan.FromSeconds(1));
        }
    }

    private async Task SuppressAsync(string address, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = MailSuppression.Normalize(address);
        if (!await db.MailSuppressions.AnyAsync(s => s.Address == normalized, cancellationToken))
        {
            db.MailSuppressions.Add(new MailSuppression { Address = normalized, Reason = reason, At = now });
        }
    }

    private void LogOnJob(OutboxMessage message, string key, string detail, LogLevelKind level)
    {
        if (message.JobId is { } jobId)
        {
            log.Add(db, jobId, key, detail, LogPlatform.Mail, level);
        }
    }

    private static string? Limit(string? detail) => detail is { Length: > MailLimits.Error } ? detail[..MailLimits.Error] : detail;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer message {MessageId} not sent: {Outcome}; now {Status}")]
    private static partial void LogSendFailed(ILogger logger, long messageId, SendOutcome outcome, MessageStatus status);
}
