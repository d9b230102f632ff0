using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Messages;

/// <summary>Support edits a repairer's template (M1): refused with line and column when it does not parse, previewed on a real job, then used.</summary>
public sealed partial class MessageTemplatePageTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    [Fact]
    public async Task A_template_that_does_not_parse_is_refused_with_line_and_column_and_nothing_is_stored()
    {
        var (support, repairerId) = await SupportAsync();
        var url = $"/administration/messages/templates?repairerId={repairerId}&kind=CarReady&language=en";

        using var response = await support.SubmitAsync(url, "[data-testid=template-form]", new Dictionary<string, string>
        {
            ["Form.Body"] = "Dear {{ customer.name }},\n\nYour car is ready.\n{% if job %}Job {{ job.number }}\n\nBye",
            ["command"] = "save",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = HtmlClient.FieldError(HtmlClient.Parse(await response.Content.ReadAsStringAsync()), "Form.Body");
        Assert.NotNull(error);
        Assert.Matches(LineAndColumn(), error);
        Assert.False(await factory.WithDbAsync(db => db.MailTemplates.AnyAsync(t => t.RepairerId == repairerId
            && t.Kind == MessageKind.CarReady && t.Language == "en")));
    }

    [Fact]
    public async Task A_saved_template_is_previewed_on_a_real_job_and_used_for_the_next_message()
    {
        var (support, repairerId) = await SupportAsync();
        var jobId = await factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(9301).Repairer(repairerId).Plate("1-TPL-301").Status(JobStatus.InRepair)
                .Owner(PartyBuilder.Owner("Jan Peeters").Email("jan.peeters@example.be")).Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        var url = $"/administration/messages/templates?repairerId={repairerId}&kind=CarReady&language=nl";
        var values = new Dictionary<string, string>
        {
            ["Form.Subject"] = "Klaar: {{ vehicle.registration }}",
            ["Form.Body"] = "Dag {{ customer.name }}, dossier {{ job.number }} is klaar.",
            ["Form.PreviewJobNumber"] = "9301",
        };

        using var preview = await support.SubmitAsync(url, "[data-testid=template-form]", new Dictionary<string, string>(values) { ["command"] = "preview" });
        var page = HtmlClient.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Equal("Klaar: 1-TPL-301", page.QuerySelector("[data-testid=preview-subject]")!.TextContent.Trim());
        Assert.StartsWith("Dag Jan Peeters, dossier 9301 is klaar.", page.QuerySelector("[data-testid=preview-text]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.MailTemplates.AnyAsync(t => t.RepairerId == repairerId && t.Language == "nl")));

        using var saved = await support.SubmitAsync(url, "[data-testid=template-form]", new Dictionary<string, string>(values) { ["command"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await factory.WithDbAsync(async db =>
        {
            var owner = await db.Jobs.Where(j => j.Id == jobId).Select(j => j.Owner!).SingleAsync();
            owner.Language = "nl";
            var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
            job.Edit(job.Details() with { Status = JobStatus.Ready });
            await db.SaveChangesAsync();
        });

        var message = await factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.JobId == jobId));
        Assert.Equal("Klaar: 1-TPL-301", message.Subject);
        Assert.StartsWith("Dag Jan Peeters, dossier 9301 is klaar.", message.TextBody, StringComparison.Ordinal);
    }

    private async Task<(HtmlClient Support, int RepairerId)> SupportAsync()
    {
        var support = new HtmlClient(factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        return (support, await factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync()));
    }

    [GeneratedRegex(@"line \d+, column \d+")]
    private static partial Regex LineAndColumn();
}
