using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;

namespace PlanManager.IntegrationTests.Jobs;

public sealed class JobNumberTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    [Fact]
    public async Task Thirty_jobs_created_at_once_get_thirty_different_consecutive_numbers()
    {
        var repairer = await factory.WithDbAsync(db => db.Repairers.Select(r => r.Id).FirstAsync());
        var before = await factory.WithDbAsync(db => db.Jobs.Select(j => (int?)j.Number).MaxAsync()) ?? 0;

        var creates = Enumerable.Range(1, 30).Select(i => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var save = scope.ServiceProvider.GetRequiredService<SaveJob>();
            return await save.HandleAsync(new JobForm { RepairerId = repairer, Registration = $"PAR-{i:000}" }, CancellationToken.None);
        }));
        var results = await Task.WhenAll(creates);

        Assert.All(results, r => Assert.Equal(CommandOutcome.Saved, r.Outcome));
        var numbers = await factory.WithDbAsync(db => db.Jobs.Where(j => j.RegistrationKey.StartsWith("PAR")).Select(j => j.Number).OrderBy(n => n)
            .ToListAsync());
        Assert.Equal(Enumerable.Range(before + 1, 30), numbers);
    }
}
