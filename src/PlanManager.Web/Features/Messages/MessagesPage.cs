using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Messages;

/// <summary>The status filter of Administration &gt; Messages.</summary>
public enum MessageFilter
{
    All = 0,
    Waiting = 1,
    Sent = 2,
    Failed = 3,
    NotSent = 4,
}

public sealed class MessageQuery
{
    public string? Q { get; set; }
    public MessageFilter Status { get; set; }
    public int? Page { get; set; }
}

public sealed record MessageRow(long Id, DateTimeOffset CreatedAt, MessageKind Kind, string To, string Subject, MessageStatus Status, NotSentReason Reason,
    int? JobId, int? JobNumber, int Attempts, string? LastError);

public sealed record MessagesListModel(MessageQuery Query, Page<MessageRow> Rows, string? Server);

public sealed record MessageDetailModel(OutboxMessage Message, int? JobNumber, string From, string? Server);

/// <summary>Support reads the outbox (M1): newest first, by address, subject or job number, by status; one message with its text and HTML.</summary>
public sealed class MessagesPage(PlanManagerDbContext db, IOptions<MailOptions> options)
{
    /// <summary>"host:port (TLS mode)", never the account or password; null when no server is configured.</summary>
    public string? Server => options.Value.ServerConfigured ? $"{options.Value.Smtp.Host}:{options.Value.Smtp.Port} ({options.Value.Smtp.TlsMode})" : null;

    public async Task<MessagesListModel> ListAsync(MessageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var messages = db.OutboxMessages.AsNoTracking();
        messages = query.Status switch
        {
            MessageFilter.Waiting => messages.Where(m => m.Status == MessageStatus.Waiting || m.Status == MessageStatus.Sending),
            MessageFilter.Sent => messages.Where(m => m.Status == MessageStatus.Sent),
            MessageFilter.Failed => messages.Where(m => m.Status == MessageStatus.Failed),
            MessageFilter.NotSent => messages.Where(m => m.Status == MessageStatus.NotSent),
            _ => messages,
        };
        if (Text.Clean(query.Q) is { } q)
        {
            q = q.Length > 100 ? q[..100] : q;
            var number = int.TryParse(q, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            var pattern = $"%{q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            messages = messages.Where(m => EF.Functions.Like(m.To, pattern, "\\") || EF.Functions.Like(m.Subject, pattern, "\\")
                || (m.ToName != null && EF.Functions.Like(m.ToName, pattern, "\\")) || (number != null && m.Job != null && m.Job.Number == number));
        }

        var rows = messages.OrderByDescending(m => m.Id)
            .Select(m => new MessageRow(m.Id, m.CreatedAt, m.Kind, m.To, m.Subject, m.Status, m.Reason, m.JobId, m.Job != null ? m.Job.Number : null, m.Attempts, m.LastError));
        var page = await rows.ToPageAsync(messages.OrderBy(m => m.Id), query.Page, Paging.DefaultPageSize, cancellationToken, Paging.HistoryCountLimit);
        return new MessagesListModel(query, page, Server);
    }

    public async Task<MessageDetailModel?> ShowAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var number = message.JobId is { } jobId ? await db.Jobs.Where(j => j.Id == jobId).Select(j => (int?)j.Number).SingleOrDefaultAsync(cancellationToken) : null;
        var from = message.FromAddress ?? options.Value.From ?? string.Empty;
        return new MessageDetailModel(message, number, $"{message.FromName} <{from}>", Server);
    }

    public Task<string?> HtmlAsync(long id, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.HtmlBody).SingleOrDefaultAsync(cancellationToken);
}
