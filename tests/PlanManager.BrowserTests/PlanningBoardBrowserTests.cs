using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.BrowserTests;

/// <summary>A planner's week on the board (W1): dragging bars, the keyboard, an unplanned job dropped on a day, the plan form.</summary>
public sealed class PlanningBoardBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    /// <summary>A Monday of its own, away from the demo's weeks.</summary>
    private static readonly DateOnly Week = new(2031, 3, 3);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    private async Task<(int Repairer, int Big, int Small, int Waiting)> SeedAsync() => await host.Factory.WithDbAsync(async db =>
    {
        var repairer = new Repairer { Name = "Carrosserie Planning", Country = "BE" };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        db.DepartmentCapacities.Add(new DepartmentCapacity { RepairerId = repairer.Id, Department = Department.Body, Technicians = 1, HoursPerTechnician = 8 });
        Job Add(int number, string plate, DateOnly? start, DateOnly? end, string make, string model)
        {
            var job = new JobBuilder().Number(number).Repairer(repairer.Id).Plate(plate).Make(make, model).Status(JobStatus.Approved)
                .With(d => d with { StartDate = start, EndDate = end, EstimatedCompletionDate = end }).Build();
            db.Jobs.Add(job);
            return job;
        }

        var big = Add(880_001, "1-BIG-101", Week, Week.AddDays(1), "Volvo", "XC60");
        var small = Add(880_002, "1-SML-102", Week.AddDays(2), Week.AddDays(2), "Fiat", "500");
        var waiting = Add(880_003, "1-WAI-103", null, null, "Kia", "Niro");
        await db.SaveChangesAsync();
        db.PlannedHours.AddRange(
            new PlannedHours { JobId = big.Id, Department = Department.Body, Hours = 20 },
            new PlannedHours { JobId = small.Id, Department = Department.Body, Hours = 4 },
            new PlannedHours { JobId = waiting.Id, Department = Department.Body, Hours = 6 });
        await db.SaveChangesAsync();
        return (repairer.Id, big.Id, small.Id, waiting.Id);
    });

    private Task<(DateOnly? Start, DateOnly? End)> PlanOfAsync(int job) =>
        host.Factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == job).Select(j => new ValueTuple<DateOnly?, DateOnly?>(j.StartDate, j.EndDate)).SingleAsync());

    private static async Task DragAsync(IPage page, ILocator from, float dx, float dy = 0)
    {
        var box = (await from.BoundingBoxAsync())!;
        var x = box.X + (box.Width / 2);
        var y = box.Y + (box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + (dx / 2), y + (dy / 2), new() { Steps = 5 });
        await page.Mouse.MoveAsync(x + dx, y + dy, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    [BrowserFact]
    public async Task Planner_drags_bars_moves_one_with_the_keyboard_drops_an_unplanned_job_and_uses_the_plan_form()
    {
        var (repairer, big, small, waiting) = await SeedAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Job > Planning opens this week of a repairer; then the test's own week.
        await page.GetByRole(AriaRole.Button, new() { Name = "Job" })
            .Or(page.GetByRole(AriaRole.Link, new() { Name = "Job", Exact = true })).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Planning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planning board" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("th.pm-today")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("planning-demo-week-1280.png"), FullPage = true });

        await page.GotoAsync($"/planning?repairer={repairer}&week={Day(Week)}");
        await Assertions.Expect(page.GetByTestId($"load-Body-{Day(Week)}")).ToContainTextAsync("Over capacity");
        await page.ScreenshotAsync(new() { Path = Shot("planning-week-1280.png"), FullPage = true });
        var dayWidth = (await page.Locator("thead th.pm-day").First.BoundingBoxAsync())!.Width;

        // Drag the big job two days to the right.
        await DragAsync(page, page.Locator($".pm-bar[data-job='{big}'] .pm-bar-text"), 2 * dayWidth);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The plan was saved.");
        await Assertions.Expect(page.Locator($".pm-bar[data-job='{big}']")).ToHaveAttributeAsync("data-start", Day(Week.AddDays(2)));
        Assert.Equal((Week.AddDays(2), Week.AddDays(3)), await PlanOfAsync(big));

        // Stretch the small job by its right edge to the next day.
        var edge = page.Locator($".pm-bar[data-job='{small}'] .pm-bar-end");
        var edgeBox = (await edge.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(edgeBox.X + (edgeBox.Width / 2), edgeBox.Y + (edgeBox.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(edgeBox.X + dayWidth, edgeBox.Y + (edgeBox.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator($".pm-bar[data-job='{small}']")).ToHaveAttributeAsync("data-end", Day(Week.AddDays(3)));
        Assert.Equal((Week.AddDays(2), Week.AddDays(3)), await PlanOfAsync(small));

        // The keyboard: an arrow moves the bar a day, Shift with an arrow changes its end; the focus stays on the bar.
        await page.Locator($".pm-bar[data-job='{big}']").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator($".pm-bar[data-job='{big}']")).ToHaveAttributeAsync("data-start", Day(Week.AddDays(3)));
        await Assertions.Expect(page.Locator($".pm-bar[data-job='{big}']")).ToBeFocusedAsync();
        Assert.Equal((Week.AddDays(3), Week.AddDays(4)), await PlanOfAsync(big));
        await page.Keyboard.PressAsync("Shift+ArrowLeft");
        await Assertions.Expect(page.Locator($".pm-bar[data-job='{big}']")).ToHaveAttributeAsync("data-end", Day(Week.AddDays(3)));
        Assert.Equal((Week.AddDays(3), Week.AddDays(3)), await PlanOfAsync(big));

        // Drop the unplanned job on Monday: planned from Monday for its 6 hours (one day).
        var monday = (await page.Locator($"thead th[data-day='{Day(Week)}']").BoundingBoxAsync())!;
        var handle = page.Locator($"[data-drag-unplanned='{waiting}']");
        await handle.ScrollIntoViewIfNeededAsync();
        var handleBox = (await handle.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handleBox.X + 10, handleBox.Y + (handleBox.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(monday.X + (monday.Width / 2), monday.Y + (monday.Height / 2), new() { Steps = 12 });
        await page.ScreenshotAsync(new() { Path = Shot("planning-drop-unplanned.png") });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.GetByTestId("unplanned-job")).ToHaveCountAsync(0);
        Assert.Equal((Week, Week), await PlanOfAsync(waiting));

        // The form alternative: Plan on a row, type the dates.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan 1-SML-102" }).ClickAsync();
        await page.GetByLabel("Start").FillAsync(Day(Week.AddDays(4)));
        await page.GetByLabel("End", new() { Exact = true }).FillAsync(Day(Week.AddDays(3)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#End-error")).ToHaveTextAsync("The end cannot be before the start.");
        await page.ScreenshotAsync(new() { Path = Shot("planning-form-error.png"), FullPage = true });
        await page.GetByLabel("End", new() { Exact = true }).FillAsync(Day(Week.AddDays(7)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("board-week")).ToBeVisibleAsync();
        Assert.Equal((Week.AddDays(4), Week.AddDays(7)), await PlanOfAsync(small));
        await page.ScreenshotAsync(new() { Path = Shot("planning-week-after-1280.png"), FullPage = true });

        // Month and day sheet; a small screen scrolls the board inside its card, not the page.
        await page.GotoAsync($"/planning/month?repairer={repairer}&month={Day(Week)}");
        await page.ScreenshotAsync(new() { Path = Shot("planning-month-1280.png"), FullPage = true });
        await page.GotoAsync($"/planning/day-sheet?repairer={repairer}&date={Day(Week.AddDays(4))}&department=Body");
        await Assertions.Expect(page.GetByTestId("sheet-row")).ToHaveCountAsync(1);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = Shot("planning-day-sheet-print.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(800, 1000);
        await page.GotoAsync($"/planning?repairer={repairer}&week={Day(Week)}");
        await page.ScreenshotAsync(new() { Path = Shot("planning-week-800.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than a tablet");
    }

    [BrowserFact]
    public async Task The_board_reads_in_dutch()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "nl-BE",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("input[type=email]").FillAsync(DemoDataSeeder.StaffEmail);
        await page.Locator("input[type=password]").FillAsync(DemoDataSeeder.Password);
        await page.Locator("button[type=submit]").First.ClickAsync();
        await page.GotoAsync("/planning");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planning", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Niet gepland")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("planning-demo-week-nl.png"), FullPage = true });
        await page.GotoAsync("/planning/capacity/" + await host.Factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync()));
        await page.ScreenshotAsync(new() { Path = Shot("planning-capacity-nl.png"), FullPage = true });
    }
}
