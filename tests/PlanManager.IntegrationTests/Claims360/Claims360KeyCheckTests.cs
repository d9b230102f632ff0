using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Claims360;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Claims360;

/// <summary>Issue 22 items 2 and 19: a set-up's keys are checked with Claims360 before they are saved (decision 0017).</summary>
public sealed class Claims360KeyCheckTests(Claims360Factory factory) : IClassFixture<Claims360Factory>, IAsyncLifetime
{
    private readonly HtmlClient _browser = new(factory.CreateBrowserLikeClient());

    public Task InitializeAsync() => _browser.SignInAsync(DemoDataSeeder.StaffEmail);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> NewRepairerAsync(string externalReference) => factory.WithDbAsync(async db =>
    {
        var repairer = new Repairer { Name = "Key check " + externalReference, Country = "BE", ExternalReference = externalReference,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        return repairer.Id;
    });

    private Task<bool> SavedAsync(int repairer) => factory.WithDbAsync(db => db.Claims360Setups.AnyAsync(s => s.RepairerId == repairer));

    private static Dictionary<string, string> Keys(string bodyshopKey, string planManagerKey) =>
        new() { ["SetupForm.BodyshopKey"] = bodyshopKey, ["SetupForm.PlanManagerKey"] = planManagerKey };

    [Fact]
    public async Task Refused_keys_are_not_saved_are_named_next_to_the_fields_and_stay_typed_until_right()
    {
        var repairer = await NewRepairerAsync("BE0777000001");
        factory.GivenKeys("BE0777000001", "bk-right", "pk-right");
        var url = $"/claims360?repairer={repairer}";

        using var refused = await _browser.SubmitAsync(url, "#c360-setup-form", Keys("bk-right", "pk-typo"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = HtmlClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("refused these keys", HtmlClient.FieldError(page, "SetupForm.BodyshopKey"), StringComparison.Ordinal);
        Assert.Contains("refused these keys", HtmlClient.FieldError(page, "SetupForm.PlanManagerKey"), StringComparison.Ordinal);
        Assert.False(await SavedAsync(repairer));
        // The user's own input of this post is kept (masked), so one typo is not two keys to type again.
        Assert.Equal("pk-typo", page.QuerySelector("#SetupForm_PlanManagerKey")!.GetAttribute("value"));
        Assert.Equal("password", page.QuerySelector("#SetupForm_PlanManagerKey")!.GetAttribute("type"));
        Assert.Equal("true", page.QuerySelector("#c360-setup-dialog")!.GetAttribute("data-pm-show"));

        using var saved = await _browser.SubmitPageAsync(page, "/claims360/setup", "#c360-setup-form",
            new Dictionary<string, string> { ["SetupForm.PlanManagerKey"] = "pk-right" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await SavedAsync(repairer));
        var after = await _browser.Http.GetStringAsync(saved.Headers.Location);
        Assert.DoesNotContain("pk-right", after, StringComparison.Ordinal);
        Assert.DoesNotContain("bk-right", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"flash-warning\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carrosserie_id_Claims360_does_not_know_is_named_next_to_that_field()
    {
        var repairer = await NewRepairerAsync("BE0777000002");
        factory.Platform.Given(Request.Create().WithPath(Claims360Factory.Path("BE0777000002", "/assignments")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404));

        using var answer = await _browser.SubmitAsync($"/claims360?repairer={repairer}", "#c360-setup-form", Keys("b", "p"));

        var page = HtmlClient.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains("does not know this Carrosserie Id", HtmlClient.FieldError(page, "SetupForm.CarrosserieId"), StringComparison.Ordinal);
        Assert.False(await SavedAsync(repairer));
    }

    [Fact]
    public async Task A_platform_that_does_not_answer_saves_the_set_up_with_a_warning()
    {
        var repairer = await NewRepairerAsync("BE0777000003");
        factory.Platform.Given(Request.Create().WithPath(Claims360Factory.Path("BE0777000003", "/assignments")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503));

        using var answer = await _browser.SubmitAsync($"/claims360?repairer={repairer}", "#c360-setup-form", Keys("b", "p"));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.True(await SavedAsync(repairer));
        var page = HtmlClient.Parse(await _browser.Http.GetStringAsync(answer.Headers.Location));
        Assert.Contains("could not be checked", page.QuerySelector("[data-testid=flash-warning]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_corrections_are_checked_too_and_a_later_401_on_import_says_ask_support()
    {
        var repairer = await factory.AddBodyshopAsync("BE0777000004");
        factory.GivenAssignments("BE0777000004", []);
        // The keys were changed at Claims360: the stored ones are refused from now on.
        factory.GivenKeys("BE0777000004", "bk-new", "pk-new");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ImportClaims360>().ImportAsync(repairer, CancellationToken.None);
            Assert.Equal(Claims360ImportOutcome.Failed, result.Outcome);
        }

        var staffPage = await _browser.GetPageAsync($"/claims360?repairer={repairer}");
        Assert.Contains("ask support", staffPage.QuerySelector("[data-testid=c360-keys-refused]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(staffPage.QuerySelector("[data-testid=c360-keys-refused] a"));

        var support = new HtmlClient(factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        var supportPage = await support.GetPageAsync($"/claims360?repairer={repairer}");
        Assert.Equal($"/administration/claims360/{repairer}",
            supportPage.QuerySelector("[data-testid=c360-keys-refused] a")!.GetAttribute("href"));

        using var refused = await support.SubmitAsync($"/administration/claims360/{repairer}", "#c360-admin-form",
            new Dictionary<string, string> { ["BodyshopKey"] = "bk-new", ["PlanManagerKey"] = "pk-old" });
        var again = HtmlClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("refused these keys", HtmlClient.FieldError(again, "BodyshopKey"), StringComparison.Ordinal);
        Assert.Equal("bk-new", again.QuerySelector("#BodyshopKey")!.GetAttribute("value"));
        Assert.Equal("pk-BE0777000004", await StoredPlanManagerKeyAsync(repairer));

        using var saved = await support.SubmitAsync($"/administration/claims360/{repairer}", "#c360-admin-form",
            new Dictionary<string, string> { ["BodyshopKey"] = "bk-new", ["PlanManagerKey"] = "pk-new" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("pk-new", await StoredPlanManagerKeyAsync(repairer));
        // Opened again, the form shows no key: stored secrets are never shown back.
        var reopened = await support.GetPageAsync($"/administration/claims360/{repairer}");
        Assert.True(string.IsNullOrEmpty(reopened.QuerySelector("#PlanManagerKey")!.GetAttribute("value")));
    }

    private async Task<string?> StoredPlanManagerKeyAsync(int repairer)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var secrets = scope.ServiceProvider.GetRequiredService<PlanManager.Web.Infrastructure.Connectors.SecretProtector>();
        var stored = await factory.WithDbAsync(db => db.Claims360Setups.Where(s => s.RepairerId == repairer)
            .Select(s => s.ProtectedPlanManagerKey).SingleAsync());
        return secrets.Unprotect(stored);
    }
}
