using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Messages;
using PlanManager.Web.Infrastructure;

namespace PlanManager.IntegrationTests.Messages;

/// <summary>The app with a real SMTP server on loopback (no TLS), sending as noreply@ when a repairer has no address.</summary>
public sealed class MailFactory : PlanManagerFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:TlsMode", "None");
        builder.UseSetting("Mail:Smtp:Timeout", "00:00:10");
        builder.UseSetting("Mail:From", "noreply@planmanager.test");
        builder.UseSetting("Mail:PublicBaseUrl", "https://portal.example");
    }

    /// <summary>What the Hangfire worker runs: the relay's sweep, here called in the test's own time.</summary>
    public async Task RelayAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailOutboxRelay>().RunDueAsync(CancellationToken.None);
    }

    public List<MimeKit.MimeMessage> ReceivedBy(string address) =>
        Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>Customer messages (M1) delivered over a socket to a real SMTP server: language, encoding, headers,
/// retries, bounces, crashes, consent, limits.</summary>
public sealed class CustomerMessagesTests(MailFactory factory) : IClassFixture<MailFactory>
{
    private static int _next = 7000;

    [Fact]
    public async Task Status_ready_sends_the_car_ready_message_in_the_owners_language_with_values_encoded_and_the_repairers_footer()
    {
        var address = Address();
        var jobId = await NewJobAsync(address, o => { o.Name = "Anaïs <b>Dubois</b>"; o.Language = "fr"; });

        await SetStatusAsync(jobId, JobStatus.Ready);
        await factory.RelayAsync();

        var mail = Assert.Single(factory.ReceivedBy(address));
        var (row, repairer) = await factory.WithDbAsync(async db =>
        {
            var m = await db.OutboxMessages.SingleAsync(x => x.JobId == jobId);
            return (m, await db.Repairers.SingleAsync(r => r.Id == m.RepairerId));
        });
        Assert.Equal(MessageStatus.Sent, row.Status);
        Assert.StartsWith("Votre véhicule 1-MSG-", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("fr", mail.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Equal(row.MessageId, mail.MessageId);
        Assert.Equal(repairer.Email, mail.From.Mailboxes.Single().Address);
        Assert.Equal(repairer.Name, mail.From.Mailboxes.Single().Name);
        Assert.Contains("Bonjour Anaïs <b>Dubois</b>,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(repairer.Phone!, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ana&#239;s &lt;b&gt;Dubois&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Dubois", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(repairer.Street!), mail.HtmlBody, StringComparison.Ordinal);
        var line = Assert.Single(await LogAsync(jobId, JobLogMessages.MailSent));
        Assert.Equal(LogPlatform.Mail, line.Platform);
        Assert.Equal($"CarReady|{address}", line.Detail);
    }

    [Fact]
    public async Task A_4xx_answer_is_tried_again_later_and_then_delivered_once()
    {
        var address = Address();
        var jobId = await NewJobAsync(address);
        factory.Smtp.NextAnswers.Enqueue(451);

        await SetStatusAsync(jobId, JobStatus.Ready);
        await factory.RelayAsync();

        var waiting = await MessageOfAsync(jobId);
        Assert.Equal(MessageStatus.Waiting, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.StartsWith("451", waiting.LastError, StringComparison.Ordinal);
        Assert.True(waiting.DueAt > DateTimeOffset.UtcNow);
        Assert.Empty(factory.ReceivedBy(address));
        Assert.Equal(LogLevelKind.Warning, Assert.Single(await LogAsync(jobId, JobLogMessages.MailRetry)).Level);

        await MakeDueAsync(jobId);
        await factory.RelayAsync();
        await factory.RelayAsync();

        Assert.Single(factory.ReceivedBy(address));
        var sent = await MessageOfAsync(jobId);
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_5xx_answer_is_not_tried_again_and_is_logged_on_the_job_as_a_failure()
    {
        var address = Address();
        var jobId = await NewJobAsync(address);
        factory.Smtp.NextAnswers.Enqueue(554);

        await SetStatusAsync(jobId, JobStatus.Ready);
        await factory.RelayAsync();
        await MakeDueAsync(jobId);
        await factory.RelayAsync();

        var failed = await MessageOfAsync(jobId);
        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Empty(factory.ReceivedBy(address));
        var line = Assert.Single(await LogAsync(jobId, JobLogMessages.MailFailed));
        Assert.Equal(LogLevelKind.Error, line.Level);
        Assert.Contains("554", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_recipient_is_a_bounce_and_the_address_gets_no_more_messages()
    {
        var address = Address();
        factory.Smtp.RefusedRecipients[address] = true;
        var jobId = await NewJobAsync(address);

        await SetStatusAsync(jobId, JobStatus.Ready);
        await factory.RelayAsync();

        Assert.Equal(MessageStatus.Failed, (await MessageOfAsync(jobId)).Status);
        Assert.Single(await LogAsync(jobId, JobLogMessages.MailBounced));
        factory.Smtp.RefusedRecipients.TryRemove(address, out _);
        var second = await NewJobAsync(address);
        await SetStatusAsync(second, JobStatus.Ready);
        await factory.RelayAsync();

        var held = await MessageOfAsync(second);
        Assert.Equal(MessageStatus.NotSent, held.Status);
        Assert.Equal(NotSentReason.Suppressed, held.Reason);
        Assert.Empty(factory.ReceivedBy(address));
    }

    [Fact]
    public async Task A_sender_that_died_between_sending_and_marking_causes_at_most_one_copy_more_with_the_same_message_id()
    {
        var address = Address();
        var jobId = await NewJobAsync(address);
        await SetStatusAsync(jobId, JobStatus.Ready);
        var message = await MessageOfAsync(jobId);
        // The sender claimed it, the server accepted it, and the process died before the "sent" mark was saved.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(SendOutcome.Sent, (await scope.ServiceProvider.GetRequiredService<MailSender>().SendAsync(message, CancellationToken.None)).Outcome);
        }

        await ClaimAsync(message.Id, leaseUntil: DateTimeOffset.UtcNow.AddMinutes(5));
        await factory.RelayAsync();
        Assert.Single(factory.ReceivedBy(address));

        await ClaimAsync(message.Id, leaseUntil: DateTimeOffset.UtcNow.AddSeconds(-1));
        await factory.RelayAsync();
        await factory.RelayAsync();

        var copies = factory.ReceivedBy(address);
        Assert.Equal(2, copies.Count);
        Assert.Equal([message.MessageId], copies.Select(c => c.MessageId).Distinct());
        Assert.Equal(MessageStatus.Sent, (await MessageOfAsync(jobId)).Status);
        Assert.Single(await LogAsync(jobId, JobLogMessages.MailResent));
    }

    [Fact]
    public async Task An_owner_marked_no_emails_gets_no_message_and_the_job_log_says_why()
    {
        var address = Address();
        var jobId = await NewJobAsync(address, o => o.NoEmails = true);

        await SetStatusAsync(jobId, JobStatus.Ready);
        await factory.RelayAsync();

        var held = await MessageOfAsync(jobId);
        Assert.Equal(MessageStatus.NotSent, held.Status);
        Assert.Equal(NotSentReason.NoEmails, held.Reason);
        Assert.Empty(factory.ReceivedBy(address));
        Assert.Equal("CarReady|NoEmails", Assert.Single(await LogAsync(jobId, JobLogMessages.MailNotSent)).Detail);
    }

    [Fact]
    public async Task Ready_twice_within_the_hour_writes_one_automatic_message()
    {
        var address = Address();
        var jobId = await NewJobAsync(address);

        await SetStatusAsync(jobId, JobStatus.Ready);
        await SetStatusAsync(jobId, JobStatus.InRepair);
        await SetStatusAsync(jobId, JobStatus.Ready);
        await factory.RelayAsync();

        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.JobId == jobId)));
        Assert.Single(factory.ReceivedBy(address));
    }

    private static string Address() => $"customer{Interlocked.Increment(ref _next)}@example.test";

    private async Task<int> NewJobAsync(string address, Action<ThirdParty>? owner = null) => await factory.WithDbAsync(async db =>
    {
        var repairerId = await db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync();
        ThirdParty party = PartyBuilder.Owner("Sofie Peeters").Email(address);
        owner?.Invoke(party);
        var number = Interlocked.Increment(ref _next);
        var job = new JobBuilder().Number(number).Repairer(repairerId).Plate($"1-MSG-{number}").Make("BMW", "330e")
            .Status(JobStatus.InRepair).Owner(party).Build();
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    /// <summary>Through the job's door, as the job screen does; the save notices the status.</summary>
    private Task SetStatusAsync(int jobId, JobStatus status) => factory.WithDbAsync(async db =>
    {
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
        job.Edit(job.Details() with { Status = status });
        await db.SaveChangesAsync();
    });

    private Task<OutboxMessage> MessageOfAsync(int jobId) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.JobId == jobId));

    private Task<int> MakeDueAsync(int jobId) => factory.WithDbAsync(db =>
        db.OutboxMessages.Where(m => m.JobId == jobId && m.Status == MessageStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

    private Task<int> ClaimAsync(long id, DateTimeOffset leaseUntil) => factory.WithDbAsync(db =>
        db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.LeaseUntil, leaseUntil).SetProperty(m => m.Attempts, 1)));

    private Task<List<JobLogEntry>> LogAsync(int jobId, string key) =>
        factory.WithDbAsync(db => db.JobLog.AsNoTracking().Where(l => l.JobId == jobId && l.MessageKey == key).ToListAsync());
}
