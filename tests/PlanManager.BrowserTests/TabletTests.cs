using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.BrowserTests;

/// <summary>W2 on a workshop tablet (1024×768): staff open the tablet, a technician types the code, starts and stops work.</summary>
public sealed class TabletTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    private async Task<IBrowserContext> ContextAsync(int width, int height) => await host.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = host.BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = width, Height = height },
        Locale = "en-GB",
        HasTouch = true,
    });

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [BrowserFact]
    public async Task A_technician_types_the_code_starts_and_stops_work_on_a_car_inside()
    {
        // A car inside at the repairer the tablet form offers first (the first by name).
        await host.Factory.WithDbAsync(async db =>
        {
            var repairer = await db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync();
            db.Jobs.Add(new JobBuilder().Number(880).Repairer(repairer).Plate("1-ATR-880").Make("Skoda", "Octavia Combi")
                .Status(PlanManager.Web.Domain.JobStatus.InRepair).InsideSince(DateTimeOffset.UtcNow.AddYears(-1)).Build());
            await db.SaveChangesAsync();
        });
        await using var tablet = await ContextAsync(1024, 768);
        var page = await tablet.NewPageAsync();
        await SignInAsync(page);

        // Workshop > Time > Tablets, on the tablet itself.
        await page.GetByRole(AriaRole.Button, new() { Name = "Workshop" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Workshop",
            Exact = true })).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tablets" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Shot("time-tablets-1024.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open tablet on this device" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Type your code" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("tablet-code-1024.png"), FullPage = true });
        foreach (var digit in "111")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = digit.ToString(), Exact = true }).ClickAsync();
        }

        // The fourth digit sends the code.
        await page.GetByRole(AriaRole.Button, new() { Name = "1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cars inside" })).ToBeVisibleAsync();
        var car = page.Locator("[data-testid=tablet-car][data-plate='1-ATR-880']");
        var plate = await car.GetAttributeAsync("data-plate");
        Assert.False(string.IsNullOrEmpty(plate));
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('main button, main select')].map(e => e.getBoundingClientRect().height))");
        Assert.True(smallest >= 48, $"a touch target is {smallest}px high");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the tablet page is wider than the tablet");
        await page.ScreenshotAsync(new() { Path = Shot("tablet-cars-1024.png") });

        await car.GetByRole(AriaRole.Combobox).SelectOptionAsync(new SelectOptionValue { Label = "Body work" });
        await car.GetByRole(AriaRole.Button, new() { Name = $"Start on {plate}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Started: {plate}, Body work.");
        await Assertions.Expect(page.GetByTestId("open-clock")).ToContainTextAsync(plate!);
        await page.ScreenshotAsync(new() { Path = Shot("tablet-started-1024.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Stopped: {plate}, Body work.");
        await Assertions.Expect(page.GetByTestId("open-clock")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("tablet-stopped-1024.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Type your code" })).ToBeVisibleAsync();

        // Staff see the line on the day timesheet of that repairer.
        await using var office = await ContextAsync(1280, 900);
        var staff = await office.NewPageAsync();
        await SignInAsync(staff);
        await staff.GotoAsync("/workshop/time");
        await Assertions.Expect(staff.GetByTestId("clock-line").Filter(new() { HasText = plate })).Not.ToHaveCountAsync(0);
        await staff.ScreenshotAsync(new() { Path = Shot("time-day-1280.png"), FullPage = true });
        await staff.GotoAsync("/workshop/time/week");
        await staff.ScreenshotAsync(new() { Path = Shot("time-week-1280.png"), FullPage = true });
        await staff.GotoAsync("/workshop/time/technicians");
        await staff.ScreenshotAsync(new() { Path = Shot("time-technicians-1280.png"), FullPage = true });
    }
}
