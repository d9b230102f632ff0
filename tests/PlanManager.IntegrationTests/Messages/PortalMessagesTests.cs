using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.IntegrationTests.Portal;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Messages;

namespace PlanManager.IntegrationTests.Messages;

/// <summary>The embedded set-up (no mail server): a portal booking's message waits in the outbox, readable by Support.</summary>
public sealed class PortalMessagesTests(PortalFactory factory) : PortalTestBase<PortalFactory>(factory)
{
    [Fact]
    public async Task A_portal_booking_in_french_writes_the_booking_message_in_french_and_support_reads_it_as_not_sent()
    {
        var id = await Factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync());
        Customer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/estimate"))[2];

        using var response = await BookAsync(Customer, id, "estimate", new Dictionary<string, string>
        {
            ["Form.Name"] = "Claire <i>Dubois</i>",
            ["Form.Email"] = "claire.dubois@example.be",
            ["Form.Registration"] = "1-MSG-901",
            ["Form.Message"] = "Rayure sur la portière",
            ["Form.Slot"] = slot,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MailOutboxRelay>().RunDueAsync(CancellationToken.None);
        }

        var (message, appointment) = await Factory.WithDbAsync(async db =>
        {
            var m = await db.OutboxMessages.AsNoTracking().SingleAsync(x => x.To == "claire.dubois@example.be");
            return (m, await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == m.AppointmentId));
        });
        Assert.Equal(MessageKind.BookingReceived, message.Kind);
        Assert.Equal("fr", appointment.Language);
        Assert.Equal("fr", message.Language);
        Assert.StartsWith("Nous avons bien reçu votre rendez-vous", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Bonjour Claire <i>Dubois</i>,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Claire &lt;i&gt;Dubois&lt;/i&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal((MessageStatus.NotSent, NotSentReason.NoMailServer), (message.Status, message.Reason));

        var support = new HtmlClient(Factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        var list = await support.GetPageAsync("/administration/messages?status=NotSent&q=claire.dubois");
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=message-row]"));
        Assert.Contains(message.Subject, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not sent: no mail server configured", row.QuerySelector("[data-testid=message-status]")!.TextContent.Trim());
        Assert.NotNull(list.QuerySelector("[data-testid=no-mail-server]"));

        var shown = await support.GetPageAsync($"/administration/messages/{message.Id}");
        Assert.Contains("Bonjour Claire <i>Dubois</i>,", shown.QuerySelector("[data-testid=message-text]")!.TextContent, StringComparison.Ordinal);
        using var html = await support.Http.GetAsync($"/administration/messages/{message.Id}/html");
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", html.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("<i>Dubois", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_confirming_a_request_writes_the_confirmation_with_the_job_number_and_the_photo_link_in_the_customers_language()
    {
        var id = await Factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync());
        Customer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-BE");
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/estimate"))[5];
        using var booked = await BookAsync(Customer, id, "estimate", new Dictionary<string, string>
        {
            ["Form.Name"] = "Bram Wouters",
            ["Form.Email"] = "bram.wouters@example.be",
            ["Form.Registration"] = "1-MSG-902",
            ["Form.Slot"] = slot,
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointment = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Email == "bram.wouters@example.be"));

        var staff = new HtmlClient(Factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var day = Factory.DisplayTime.DayOf(appointment.Start).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var confirmed = await staff.SubmitAsync($"/appointments?repairerId={id}&date={day}", $"form[action^='/appointments/{appointment.Id}/confirm']",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var job = await Factory.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Registration == "1-MSG-902"));
        var message = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.AppointmentId == appointment.Id && m.Kind == MessageKind.AppointmentConfirmed));
        Assert.Equal(job.Id, message.JobId);
        Assert.Equal("nl", message.Language);
        Assert.StartsWith("Uw afspraak op ", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"Uw dossiernummer is {job.Number}.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://localhost/portal/{id}/photos", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"https://localhost/portal/{id}/photos\">", message.HtmlBody, StringComparison.Ordinal);
    }
}
