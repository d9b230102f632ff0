using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Messages;

/// <summary>
/// Writes customer messages (M1) into the outbox of the caller's unit of work, so a message and the
/// change that causes it are saved together or not at all; <see cref="MailOutboxNotice"/> relays them
/// once saved. It applies the rules once: the customer's address and language, "no e-mails", the
/// suppression list and the hourly limit of automatic job messages. It takes the context as an argument
/// because the save interceptor calls it too (the context is made from the interceptors).
/// </summary>
public sealed class CustomerMessages(IOptions<MailOptions> options, TimeProvider clock, JobLogWriter log, DisplayTime displayTime, IHttpContextAccessor http)
{
    /// <summary>Kinds the hourly limit applies to: a status can go to Ready and back, photos come in several uploads.</summary>
    public static readonly IReadOnlySet<MessageKind> LimitedKinds = new HashSet<MessageKind> { MessageKind.CarReady, MessageKind.PhotosReceived };

    /// <summary>Booking received, appointment confirmed / moved / cancelled: to the appointment's address, in its language.</summary>
    public async Task<OutboxMessage?> QueueAsync(PlanManagerDbContext db, MessageKind kind, Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        int? jobId = appointment.JobId;
        var job = appointment.Job ?? (jobId is > 0 ? await db.Jobs.FindAsync([jobId.Value], cancellationToken) : null);
        var owner = job is null ? null : await OwnerAsync(db, job, cancellationToken);
        var draft = new Draft(kind, appointment.RepairerId, job, appointment, owner, Automatic: true, Note: null)
        {
            To = Text.Clean(appointment.Email) ?? owner?.Email,
            ToName = Text.Clean(appointment.CustomerName) ?? owner?.Name,
            Language = appointment.Language ?? owner?.Language,
        };
        return await WriteAsync(db, draft, cancellationToken);
    }

    /// <summary>Car ready, photos received (automatic), or a note staff send from the job screen: to the owner, in their language.</summary>
    public async Task<OutboxMessage?> QueueAsync(PlanManagerDbContext db, MessageKind kind, Job job, bool automatic, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        var owner = await OwnerAsync(db, job, cancellationToken);
        var latest = job.Id == 0 ? null : await LatestAppointmentAsync(db, job.Id, cancellationToken);
        var draft = new Draft(kind, job.RepairerId, job, null, owner, automatic, note)
        {
            To = owner?.Email ?? latest?.Email,
            ToName = owner?.Name ?? latest?.CustomerName,
            Language = owner?.Language ?? latest?.Language,
        };
        return await WriteAsync(db, draft, cancellationToken);
    }

    /// <summary>The template with a real job's values, for Support's preview; nothing is written.</summary>
    public async Task<RenderedMessage> PreviewAsync(PlanManagerDbContext db, MessageTemplateText template, MessageKind kind, string language, Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        var owner = await OwnerAsync(db, job, cancellationToken);
        var appointment = await LatestAppointmentAsync(db, job.Id, cancellationToken);
        var repairer = await db.Repairers.AsNoTracking().SingleAsync(r => r.Id == job.RepairerId, cancellationToken);
        var draft = new Draft(kind, job.RepairerId, job, appointment, owner, false, "…") { ToName = owner?.Name ?? appointment?.CustomerName };
        return await MessageTemplates.RenderAsync(template, Values(draft, repairer, language), Footer(repairer));
    }

    /// <summary>The template a repairer uses for a kind and language: its own, or the shipped one.</summary>
    public static async Task<MessageTemplateText> TemplateAsync(PlanManagerDbContext db, int repairerId, MessageKind kind, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var own = await db.MailTemplates.AsNoTracking()
            .Where(t => t.RepairerId == repairerId && t.Kind == kind && t.Language == language)
            .Select(t => new MessageTemplateText(t.Subject, t.Body))
            .FirstOrDefaultAsync(cancellationToken);
        return own ?? MessageTemplates.Default(kind, language);
    }

    private async Task<OutboxMessage?> WriteAsync(PlanManagerDbContext db, Draft draft, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var address = Text.Clean(draft.To);
        if (address is null || !address.Contains('@', StringComparison.Ordinal))
        {
            if (draft.Job is { } job)
            {
                log.Add(job, JobLogMessages.MailNoAddress, draft.Kind.ToString(), LogPlatform.Mail, LogLevelKind.Warning);
            }

            return null;
        }

        if (draft.Automatic && draft.Job is { } limited && LimitedKinds.Contains(draft.Kind) && await SentWithinLimitAsync(db, limited, draft.Kind, now, cancellationToken))
        {
            return null;
        }

        var reason = NotSentReason.None;
        if (draft.Owner?.NoEmails == true)
        {
            reason = NotSentReason.NoEmails;
        }
        else
        {
            var normalized = MailSuppression.Normalize(address);
            if (await db.MailSuppressions.AsNoTracking().AnyAsync(s => s.Address == normalized, cancellationToken))
            {
                reason = NotSentReason.Suppressed;
            }
            else if (!options.Value.ServerConfigured)
            {
                // The embedded demo: kept for Support to read, sent by the sweep once a server is configured.
                reason = NotSentReason.NoMailServer;
            }
        }

        var repairer = await db.Repairers.FindAsync([draft.RepairerId], cancellationToken)
            ?? throw new InvalidOperationException($"Repairer {draft.RepairerId} not found.");
        var language = MessageTemplates.NormalizeLanguage(draft.Language, options.Value.DefaultLanguage);
        var template = await TemplateAsync(db, draft.RepairerId, draft.Kind, language, cancellationToken);
        var rendered = await MessageTemplates.RenderAsync(template, Values(draft, repairer, language), Footer(repairer));
        var fromAddress = Text.Clean(repairer.Email);
        var message = new OutboxMessage
        {
            Kind = draft.Kind,
            RepairerId = draft.RepairerId,
            Job = draft.Job,
            Appointment = draft.Appointment,
            Automatic = draft.Automatic,
            To = address,
            ToName = draft.ToName,
            FromAddress = fromAddress,
            FromName = repairer.Name,
            Language = language,
            Subject = Limit(rendered.Subject, MailLimits.Subject),
            TextBody = Limit(rendered.Text, MailLimits.Body),
            HtmlBody = Limit(rendered.Html, MailLimits.Body * 2),
            MessageId = NewMessageId(fromAddress ?? options.Value.From),
            Status = reason == NotSentReason.None ? MessageStatus.Waiting : MessageStatus.NotSent,
            Reason = reason,
            CreatedAt = now,
            DueAt = reason == NotSentReason.None ? now : null,
        };
        db.OutboxMessages.Add(message);
        if (reason is NotSentReason.NoEmails or NotSentReason.Suppressed && draft.Job is { } refused)
        {
            log.Add(refused, JobLogMessages.MailNotSent, $"{draft.Kind}|{reason}", LogPlatform.Mail, LogLevelKind.Warning);
        }

        return message;
    }

    private async Task<bool> SentWithinLimitAsync(PlanManagerDbContext db, Job job, MessageKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.OutboxMessages.Local.Any(m => ReferenceEquals(m.Job, job) && m.Kind == kind && m.Automatic))
        {
            return true;
        }

        if (job.Id == 0)
        {
            return false;
        }

        var since = now - options.Value.AutomaticLimitWindow;
        return await db.OutboxMessages.AsNoTracking().AnyAsync(m => m.JobId == job.Id && m.Kind == kind && m.Automatic && m.CreatedAt > since, cancellationToken);
    }

    private static async Task<ThirdParty?> OwnerAsync(PlanManagerDbContext db, Job job, CancellationToken cancellationToken) =>
        job.Owner ?? (job.OwnerId is { } id ? await db.ThirdParties.FindAsync([id], cancellationToken) : null);

    private static Task<Appointment?> LatestAppointmentAsync(PlanManagerDbContext db, int jobId, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking().Where(a => a.JobId == jobId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);

    private Dictionary<string, object?> Values(Draft draft, Repairer repairer, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language switch { "nl" => "nl-BE", "fr" => "fr-BE", _ => "en-GB" });
        var job = draft.Job;
        var appointment = draft.Appointment;
        var baseUrl = BaseUrl();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = new Dictionary<string, object?> { ["name"] = draft.ToName ?? string.Empty },
            ["job"] = job is { Number: > 0 } ? new Dictionary<string, object?> { ["number"] = job.Number.ToString(CultureInfo.InvariantCulture) } : null,
            ["vehicle"] = new Dictionary<string, object?>
            {
                ["registration"] = job?.Registration ?? string.Empty,
                ["make"] = job?.Make ?? string.Empty,
                ["model"] = job?.Model ?? string.Empty,
            },
            ["appointment"] = appointment is null ? null : new Dictionary<string, object?>
            {
                ["date"] = displayTime.Local(appointment.Start).ToString("dddd d MMMM yyyy, HH:mm", culture),
                ["kind"] = appointment.Kind.ToString(),
            },
            ["repairer"] = new Dictionary<string, object?>
            {
                ["name"] = repairer.Name,
                ["address"] = Address(repairer),
                ["phone"] = repairer.Phone ?? string.Empty,
                ["email"] = repairer.Email ?? string.Empty,
            },
            ["links"] = new Dictionary<string, object?>
            {
                ["portal"] = $"{baseUrl}/portal/{repairer.Id}",
                ["photos"] = $"{baseUrl}/portal/{repairer.Id}/photos",
                ["status"] = $"{baseUrl}/portal/{repairer.Id}/status",
            },
            ["note"] = draft.Note ?? string.Empty,
        };
    }

    private static MessageFooter Footer(Repairer repairer) => new(repairer.Name, Address(repairer), repairer.Phone, repairer.Email);

    private static string Address(Repairer repairer) =>
        string.Join(", ", new[] { repairer.Street, string.Join(" ", new[] { repairer.PostalCode, repairer.City }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>Fixed when the row is written: a message sent again after a crash carries the same one (decision 0012).</summary>
    private static string NewMessageId(string? sender)
    {
        var domain = sender?.Split('@') is [_, { Length: > 0 } d] ? d : "planmanager.invalid";
        return $"{Guid.NewGuid():N}@{domain}";
    }

    private static string Limit(string value, int length) => value.Length > length ? value[..length] : value;

    private sealed record Draft(MessageKind Kind, int RepairerId, Job? Job, Appointment? Appointment, ThirdParty? Owner, bool Automatic, string? Note)
    {
        public string? To { get; init; }
        public string? ToName { get; init; }
        public string? Language { get; init; }
    }
}
