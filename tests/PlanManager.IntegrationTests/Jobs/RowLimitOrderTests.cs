using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>
/// Issue 22 item 17: the capped counts of the job list, the cars inside and the message list were a Take without an
/// OrderBy (arbitrary rows, and EF's warning in the log). PlanManagerFactory makes that warning an error for every test.
/// </summary>
public sealed class RowLimitOrderTests(RowLimitOrderTests.Factory factory) : IClassFixture<RowLimitOrderTests.Factory>
{
    public sealed class Factory : PlanManagerFactory
    {
        protected override int DemoJobs => 40;
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs?sort=registration&dir=asc&page=2&size=25")]
    [InlineData("/jobs?sort=status&dir=desc&status=InRepair")]
    [InlineData("/jobs?sort=completion&vehicleIn=true")]
    [InlineData("/jobs?q=1&sort=created")]
    [InlineData("/workshop/vehicles-inside")]
    [InlineData("/workshop/vehicles-inside?finished=true&page=2")]
    [InlineData("/administration/messages")]
    public async Task Capped_lists_answer_without_a_row_limit_that_has_no_order(string path)
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.SupportEmail);

        using var response = await browser.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_take_without_an_order_is_an_error_in_the_tests_so_the_warning_cannot_come_back()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Jobs.Take(3).CountAsync());

        Assert.Contains(CoreEventId.RowLimitingOperationWithoutOrderByWarning.Name!, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, await db.Jobs.OrderBy(j => j.Id).Take(3).CountAsync());
    }
}
