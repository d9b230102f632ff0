using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Planning;

/// <summary>
/// A move on the planning board changes the job through its door (decision 0010): a UK job whose
/// estimated completion date changes owes CAPS a push, with CAPS configured, without the board asking.
/// </summary>
public sealed class PlanningCapsTests(CapsQueueFactory factory) : IClassFixture<CapsQueueFactory>
{
    [Fact]
    public async Task Moving_a_uk_job_on_the_board_owes_a_caps_push_for_its_new_completion_date()
    {
        factory.Platforms.Reset();
        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var id = await factory.SyncedUkJobAsync("PL25 CAP");
        var (repairer, approved) = await factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == id);
            job.Edit(job.Details() with { Status = PlanManager.Web.Domain.JobStatus.Approved });
            await db.SaveChangesAsync();
            var state = await db.CapsSyncStates.SingleAsync(s => s.JobId == id);
            state.SyncedHash = PlanManager.Web.Features.Caps.CapsPushPayload.Hash(PlanManager.Web.Features.Caps.CapsPushPayload.From(job));
            state.DueAt = null;
            await db.SaveChangesAsync();
            return (job.RepairerId, job.Status);
        });
        Assert.False(await OwedAsync(id));

        var start = new DateOnly(2030, 5, 6);
        var board = $"/planning?repairer={repairer}&week={start:yyyy-MM-dd}";
        using var response = await staff.SubmitAsync(board, $"form[data-plan-form='{id}']", new Dictionary<string, string>
        {
            ["Start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["End"] = start.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PlanManager.Web.Domain.JobStatus.Approved, approved);
        Assert.Equal(start.AddDays(3), await factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.EstimatedCompletionDate).SingleAsync()));
        Assert.True(await OwedAsync(id));
    }

    private Task<bool> OwedAsync(int jobId) => factory.WithDbAsync(db => db.CapsSyncStates.AnyAsync(s => s.JobId == jobId && s.DueAt != null));
}
