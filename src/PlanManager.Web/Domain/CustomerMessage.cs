namespace PlanManager.Web.Domain;

/// <summary>What a customer message is about (M1); each has a template per language.</summary>
public enum MessageKind
{
    BookingReceived = 0,
    AppointmentConfirmed = 1,
    AppointmentMoved = 2,
    AppointmentCancelled = 3,
    CarReady = 4,
    PhotosReceived = 5,

    /// <summary>Staff write a note to the customer from the job screen.</summary>
    Note = 6,
}

public enum MessageStatus
{
    /// <summary>In the outbox, sent when <see cref="OutboxMessage.DueAt"/> comes.</summary>
    Waiting = 0,

    /// <summary>Claimed by a sender until <see cref="OutboxMessage.LeaseUntil"/>; past it, a crash is assumed and it is sent again with the same Message-ID.</summary>
    Sending = 1,
    Sent = 2,
    Failed = 3,
    NotSent = 4,
}

public enum NotSentReason
{
    None = 0,

    /// <summary>No SMTP host configured (the embedded demo); sent once one is.</summary>
    NoMailServer = 1,

    /// <summary>The owner asked for no e-mails.</summary>
    NoEmails = 2,

    /// <summary>The address failed permanently before.</summary>
    Suppressed = 3,
}

/// <summary>
/// One customer e-mail in the outbox (M1), rendered and written in the same SaveChanges as the change
/// that causes it, then sent by <c>MailOutboxRelay</c>. <see cref="MessageId"/> is fixed here, so a
/// message sent again after a crash carries the same Message-ID (docs/decisions/0012-customer-messages.md).
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public MessageKind Kind { get; set; }
    public int RepairerId { get; set; }
    public int? JobId { get; set; }
    public Job? Job { get; set; }
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }

    /// <summary>Written by a rule (booking, status, appointment) rather than by a person on the job screen; only these are limited per hour.</summary>
    public bool Automatic { get; set; }

    public string To { get; set; } = string.Empty;
    public string? ToName { get; set; }

    /// <summary>The repairer's address; null means the configured Mail:From.</summary>
    public string? FromAddress { get; set; }
    public string FromName { get; set; } = string.Empty;
    public string Language { get; set; } = "en";
    public string Subject { get; set; } = string.Empty;
    public string TextBody { get; set; } = string.Empty;
    public string HtmlBody { get; set; } = string.Empty;

    /// <summary>The SMTP Message-ID (without angle brackets), unique, chosen when the row is written.</summary>
    public string MessageId { get; set; } = string.Empty;

    public MessageStatus Status { get; set; }
    public NotSentReason Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The SMTP server's last answer when it refused, free of secrets.</summary>
    public string? LastError { get; set; }
}

/// <summary>A repairer's own wording of one message kind in one language (M1); without it the shipped default is used.</summary>
public class MailTemplate
{
    public int Id { get; set; }
    public int RepairerId { get; set; }
    public MessageKind Kind { get; set; }
    public string Language { get; set; } = "en";
    public string Subject { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>An address the SMTP server refused permanently (a bounce): no message is written to it again.</summary>
public class MailSuppression
{
    public int Id { get; set; }

    /// <summary>Lower case, trimmed.</summary>
    public string Address { get; set; } = string.Empty;
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }

    public static string Normalize(string address) => (address ?? string.Empty).Trim().ToLowerInvariant();
}

public static class MailLimits
{
    public const int Subject = 300;
    public const int Body = 20_000;
    public const int Template = 8_000;
    public const int Language = 8;
    public const int MessageId = 200;
    public const int Error = 1000;
}
