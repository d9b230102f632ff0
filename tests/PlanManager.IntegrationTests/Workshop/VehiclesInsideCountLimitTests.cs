using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Workshop;

namespace PlanManager.IntegrationTests.Workshop;

/// <summary>Vehicles inside with more finished cars still in than the page counts: it says "more than" and still lists them.</summary>
public sealed class VehiclesInsideCountLimitTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var repairer = await FirstRepairerIdAsync();
        await Factory.WithDbAsync(async db =>
        {
            if (await db.Jobs.AnyAsync(j => j.Number > 90_000))
            {
                return;
            }

            // Longer inside than any demo car, so these come first.
            var since = new DateTimeOffset(2000, 1, 1, 8, 0, 0, TimeSpan.Zero);
            for (var n = 1; n <= VehiclesInside.CountLimit + 5; n++)
            {
                db.Jobs.Add(new JobBuilder().Number(90_000 + n).Repairer(repairer).Status(JobStatus.Closed).Plate($"1-LIM-{n:0000}")
                    .InsideSince(since.AddMinutes(n)).Build());
            }

            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task More_finished_cars_than_the_limit_say_more_than_and_the_pager_too()
    {
        var page = await Browser.GetPageAsync("/workshop/vehicles-inside");

        Assert.Contains($"More than {VehiclesInside.CountLimit} cars are still marked in", page.QuerySelector("[data-testid=finished-alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal($"1–25 of more than {VehiclesInside.CountLimit}", page.QuerySelector("[data-testid=pager-summary]")!.TextContent.Trim());
        // The longest inside first, as always.
        Assert.Equal("90001", page.QuerySelectorAll("[data-testid=inside-row]")[0].GetAttribute("data-job-number"));
    }

    [Fact]
    public async Task A_page_past_the_limit_shows_the_last_page_within_it()
    {
        var page = await Browser.GetPageAsync("/workshop/vehicles-inside?page=999&size=100");
        var numbers = page.QuerySelectorAll("[data-testid=inside-row]").Select(r => r.GetAttribute("data-job-number")).ToList();

        Assert.Equal(100, numbers.Count);
        Assert.Equal("91000", numbers[^1]);
    }
}
