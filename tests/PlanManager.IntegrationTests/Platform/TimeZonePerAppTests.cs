using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Platform;

/// <summary>
/// Two apps in one process, each with its own App:TimeZone: the zone is an injected service, not
/// static state, so the app started second does not move the first one's dates.
/// </summary>
public sealed class TimeZonePerAppTests
{
    private sealed class ZoneFactory(string zone) : PlanManagerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("App:TimeZone", zone);
        }
    }

    // 23:30 UTC on 30 November: already 1 December in Brussels, still 30 November in New York.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_app_shows_a_jobs_date_in_its_own_zone()
    {
        using var brussels = new ZoneFactory("Europe/Brussels");
        using var newYork = new ZoneFactory("America/New_York");
        var inBrussels = await SignedInAsync(brussels);
        var inNewYork = await SignedInAsync(newYork);

        Assert.Equal("01/12/2026", await CreatedDateShownAsync(brussels, inBrussels, "1TZB001"));
        Assert.Equal("30/11/2026", await CreatedDateShownAsync(newYork, inNewYork, "1TZN001"));
        // And again after the other app has served: nothing was shared.
        Assert.Equal("01/12/2026", await CreatedDateShownAsync(brussels, inBrussels, "1TZB002"));
    }

    private static async Task<HtmlClient> SignedInAsync(PlanManagerFactory factory)
    {
        var client = new HtmlClient(factory.CreateBrowserLikeClient());
        await client.SignInAsync(DemoDataSeeder.StaffEmail);
        return client;
    }

    /// <summary>A job opened at <see cref="LateEvening"/>; the "created" date its row in the job list shows.</summary>
    private static async Task<string> CreatedDateShownAsync(PlanManagerFactory factory, HtmlClient client, string plate)
    {
        await factory.WithDbAsync(async db =>
        {
            var repairer = await db.Repairers.Select(r => r.Id).FirstAsync();
            var number = await db.Jobs.CountAsync() + 9_500_001;
            db.Jobs.Add(new JobBuilder().Number(number).Repairer(repairer).Plate(plate).Created(LateEvening).Build());
            await db.SaveChangesAsync();
        });
        var page = await client.GetPageAsync($"/jobs?q={plate}");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(plate, StringComparison.Ordinal));
        return row.QuerySelectorAll("td")[^1].TextContent.Trim();
    }
}
