using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data.Demo;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>Base for tests that act as the demo staff user on a fresh database of their own.</summary>
public abstract class SignedInTest : IClassFixture<PlanManagerFactory>, IAsyncLifetime
{
    protected SignedInTest(PlanManagerFactory factory)
    {
        Factory = factory;
        Browser = new HtmlClient(factory.CreateBrowserLikeClient());
    }

    protected PlanManagerFactory Factory { get; }
    protected HtmlClient Browser { get; }

    public virtual Task InitializeAsync() => Browser.SignInAsync(DemoDataSeeder.StaffEmail);

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<int> FirstRepairerIdAsync() =>
        Factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync());
}
