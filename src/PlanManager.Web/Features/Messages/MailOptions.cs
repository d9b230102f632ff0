using System.ComponentModel.DataAnnotations;

namespace PlanManager.Web.Features.Messages;

public enum MailTlsMode
{
    /// <summary>TLS on port 465, STARTTLS where the server offers it elsewhere (MailKit's Auto).</summary>
    Auto = 0,
    None = 1,
    StartTls = 2,
    SslOnConnect = 3,
}

/// <summary>Customer messages (M1): the SMTP server and the outbox relay. Without <see cref="SmtpOptions.Host"/> messages wait in the outbox.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender when a repairer has no e-mail address of its own.</summary>
    [EmailAddress]
    public string? From { get; set; }

    /// <summary>Language of a customer who chose none (portal or owner form).</summary>
    [RegularExpression("^(en|nl|fr)$")]
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>The address customers reach the portal on (links in messages); without it, the address of the request that wrote the message.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First wait after a temporary failure; doubled after each one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sender holds a message; past it, the sender is taken for dead and the message is sent again (same Message-ID).</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most one automatic message per job and kind in this window.</summary>
    public TimeSpan AutomaticLimitWindow { get; set; } = TimeSpan.FromHours(1);

    public string RelayCron { get; set; } = "* * * * *";

    public bool ServerConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailTlsMode TlsMode { get; set; } = MailTlsMode.Auto;
    public string? User { get; set; }

    /// <summary>A secret: from user secrets, the environment or a mounted file; never shown on a page or written to a log.</summary>
    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
