using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Messages;

public enum SendOutcome
{
    Sent,

    /// <summary>A 4xx answer, a connection or TLS failure, a timeout: tried again later.</summary>
    Transient,

    /// <summary>A 5xx answer about the message or the sender: not tried again.</summary>
    Permanent,

    /// <summary>A 5xx answer refusing the recipient: not tried again, and the address is suppressed.</summary>
    Bounced,
}

public sealed record SendResult(SendOutcome Outcome, string? Detail = null);

/// <summary>Hands one outbox message to the SMTP server (MailKit) and says how it went; never throws for an SMTP answer.</summary>
public sealed class MailSender(IOptions<MailOptions> options)
{
    public static MimeMessage Build(OutboxMessage message, string? fallbackFrom)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId,
            Date = message.CreatedAt,
        };
        var from = message.FromAddress ?? fallbackFrom ?? throw new InvalidOperationException("No sender: the repairer has no e-mail address and Mail:From is not set.");
        mime.From.Add(new MailboxAddress(message.FromName, from));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.To));
        if (message.Automatic)
        {
            // RFC 3834: no out-of-office replies to automatic messages.
            mime.Headers.Add("Auto-Submitted", "auto-generated");
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        // A Content-* header belongs to the body entity in MimeKit; it is written in the message's header block.
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        return mime;
    }

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        MimeMessage mime;
        try
        {
            mime = Build(message, settings.From);
        }
        catch (Exception e) when (e is InvalidOperationException or ParseException or ArgumentException)
        {
            return new SendResult(SendOutcome.Permanent, e.Message);
        }

        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, Tls(settings.Smtp.TlsMode), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.User))
            {
                await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new SendResult(SendOutcome.Sent);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var detail = $"{code} {e.Message}";
            if (code is >= 400 and < 500)
            {
                return new SendResult(SendOutcome.Transient, detail);
            }

            return new SendResult(e.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? SendOutcome.Bounced : SendOutcome.Permanent, detail);
        }
        catch (AuthenticationException)
        {
            // The server refused the configured account: nothing of the credentials goes into the detail.
            return new SendResult(SendOutcome.Transient, "authentication failed");
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or SslHandshakeException or TimeoutException or ServiceNotConnectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SendResult(SendOutcome.Transient, e.GetType().Name + ": " + e.Message);
        }
    }

    private static SecureSocketOptions Tls(MailTlsMode mode) => mode switch
    {
        MailTlsMode.None => SecureSocketOptions.None,
        MailTlsMode.StartTls => SecureSocketOptions.StartTls,
        MailTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
