using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.TimeRegistration;

namespace PlanManager.IntegrationTests.TimeRegistration;

/// <summary>The workshop tablet (W2): kiosk sign-in and its limits, and clocking on cars inside.</summary>
public sealed class TabletTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    private static int _nextNumber = 7000;

    /// <summary>A browser on which staff opened the tablet of <paramref name="repairerId"/>: it now carries only the kiosk cookie.</summary>
    private async Task<HtmlClient> OpenTabletAsync(int repairerId, string? name = null)
    {
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.StaffEmail);
        using var opened = await browser.SubmitAsync("/workshop/time/tablets", "#open-tablet-form",
            new Dictionary<string, string> { ["Form.RepairerId"] = repairerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Form.Name"] = name ?? "Bay 1" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/workshop/tablet", opened.Headers.Location!.OriginalString);
        return browser;
    }

    private static Task<HttpResponseMessage> CodeAsync(HtmlClient tablet, string code) =>
        tablet.SubmitAsync("/workshop/tablet", "#code-form", new Dictionary<string, string> { ["code"] = code });

    private async Task<(int A, int B)> RepairersAsync() => await factory.WithDbAsync(async db =>
    {
        var ids = await db.Repairers.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    });

    private async Task<int> AddTechnicianAsync(int repairerId, string code) => await factory.WithDbAsync(async db =>
    {
        var technician = new Technician { RepairerId = repairerId, Name = "Test " + code, Department = Department.Body,
            CodeHash = TechnicianCode.Hash(repairerId, code) };
        db.Technicians.Add(technician);
        await db.SaveChangesAsync();
        return technician.Id;
    });

    private async Task<(int Id, string Plate)> AddJobAsync(int repairerId, bool inside)
    {
        var number = Interlocked.Increment(ref _nextNumber);
        var plate = $"1-TAB-{number % 1000:000}";
        return await factory.WithDbAsync(async db =>
        {
            var builder = new JobBuilder().Number(number).Repairer(repairerId).Status(JobStatus.InRepair).Plate(plate);
            if (inside)
            {
                builder = builder.InsideSince(DateTimeOffset.UtcNow.AddDays(-1));
            }

            var job = builder.Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return (job.Id, plate);
        });
    }

    private static async Task<HttpResponseMessage> StartAsync(HtmlClient tablet, int jobId, string task = "Body")
    {
        var page = await tablet.GetPageAsync("/workshop/tablet/cars");
        const string form = "[data-testid=tablet-car] form";
        return await tablet.SubmitPageAsync(page, "/workshop/tablet/cars", form,
            new Dictionary<string, string> { ["jobId"] = jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["task"] = task });
    }

    private static async Task<string> MessageAsync(HtmlClient tablet) =>
        (await tablet.GetPageAsync("/workshop/tablet/cars")).QuerySelector("[data-testid=tablet-message]")?.TextContent.Trim() ?? string.Empty;

    [Fact]
    public async Task Opening_a_tablet_signs_staff_out_there_and_a_code_opens_the_cars_inside()
    {
        var (a, _) = await RepairersAsync();
        var car = await AddJobAsync(a, inside: true);
        var tablet = await OpenTabletAsync(a);

        using var staffPage = await tablet.Http.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.Contains("/account/sign-in", staffPage.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var signedIn = await CodeAsync(tablet, "1111");
        Assert.Equal("/workshop/tablet/cars", signedIn.Headers.Location!.OriginalString);
        var cars = await tablet.GetPageAsync("/workshop/tablet/cars");
        Assert.Contains(cars.QuerySelectorAll("[data-testid=tablet-car]"), c => c.GetAttribute("data-plate") == car.Plate);
        // Nothing else of the app: no link out of the tablet.
        Assert.DoesNotContain(cars.QuerySelectorAll("a[href]"), l => !(l.GetAttribute("href") ?? string.Empty).StartsWith("/workshop/tablet",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_code_opens_only_the_tablet_of_its_own_repairer()
    {
        var (a, b) = await RepairersAsync();
        await AddTechnicianAsync(b, "9876");
        var tablet = await OpenTabletAsync(a);

        using var other = await CodeAsync(tablet, "9876");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("Wrong code.", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var cars = await tablet.Http.GetAsync("/workshop/tablet/cars");
        Assert.Equal(HttpStatusCode.Redirect, cars.StatusCode);
    }

    [Fact]
    public async Task Tablet_pages_refuse_without_the_kiosk_cookie_even_for_signed_in_staff()
    {
        var anonymous = factory.CreateBrowserLikeClient();
        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);

        foreach (var url in new[] { "/workshop/tablet", "/workshop/tablet/cars" })
        {
            using var a = await anonymous.GetAsync(url);
            using var s = await staff.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, s.StatusCode);
            Assert.Contains("This tablet is not opened", await s.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A forged kiosk cookie opens nothing either.
        var forged = factory.CreateBrowserLikeClient();
        forged.DefaultRequestHeaders.Add("Cookie", KioskSession.KioskCookie + "=" + Guid.NewGuid().ToString("N"));
        using var refused = await forged.GetAsync("/workshop/tablet");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_codes_lock_the_tablet_and_a_closed_tablet_opens_nothing()
    {
        var (a, _) = await RepairersAsync();
        var tablet = await OpenTabletAsync(a, "Lock test");
        for (var i = 1; i < KioskLimits.FailuresBeforeLock; i++)
        {
            using var wrong = await CodeAsync(tablet, "000" + i);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var locking = await CodeAsync(tablet, "0009");
        Assert.Equal(HttpStatusCode.TooManyRequests, locking.StatusCode);
        using var right = await CodeAsync(tablet, "1111");
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Locked until", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Staff close it from their own browser: the tablet shows nothing any more.
        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var list = await staff.GetPageAsync("/workshop/time/tablets");
        var row = list.QuerySelectorAll("[data-testid=kiosk-row]").Single(r => r.TextContent.Contains("Lock test", StringComparison.Ordinal));
        Assert.Contains("locked until", row.TextContent, StringComparison.Ordinal);
        var close = (IHtmlFormElement)row.QuerySelector("form")!;
        using var closed = await staff.SubmitPageAsync(list, "/workshop/time/tablets", $"form[action='{close.GetAttribute("action")}']",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        using var after = await tablet.Http.GetAsync("/workshop/tablet");
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task Code_attempts_are_rate_limited_per_tablet_even_when_right_codes_reset_the_lock()
    {
        var (a, _) = await RepairersAsync();
        var tablet = await OpenTabletAsync(a, "Limit test");
        // The limiter counts in fixed one-minute windows: start early in one, so all attempts fall in it.
        if (DateTimeOffset.UtcNow.Second > 40)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTimeOffset.UtcNow.Second));
        }

        for (var i = 0; i < KioskCode.PerKiosk.Permits; i++)
        {
            using var attempt = await CodeAsync(tablet, i % 3 == 2 ? "1111" : "0000");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }

        using var limited = await CodeAsync(tablet, "1111");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_on_a_car_not_inside_is_refused_with_the_reason()
    {
        var (a, _) = await RepairersAsync();
        var inside = await AddJobAsync(a, inside: true);
        var outside = await AddJobAsync(a, inside: false);
        var technician = await AddTechnicianAsync(a, "5551");
        var tablet = await OpenTabletAsync(a);
        (await CodeAsync(tablet, "5551")).Dispose();

        using var refused = await StartAsync(tablet, outside.Id);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains($"{outside.Plate} is not marked \"vehicle in\" here", await MessageAsync(tablet), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClockLines.CountAsync(l => l.TechnicianId == technician)));
        Assert.NotEqual(inside.Id, outside.Id);
    }

    [Fact]
    public async Task Starting_another_job_stops_the_first_and_stop_ends_the_clock()
    {
        var (a, _) = await RepairersAsync();
        var first = await AddJobAsync(a, inside: true);
        var second = await AddJobAsync(a, inside: true);
        var technician = await AddTechnicianAsync(a, "5552");
        var tablet = await OpenTabletAsync(a);
        (await CodeAsync(tablet, "5552")).Dispose();

        (await StartAsync(tablet, first.Id, "Body")).Dispose();
        (await StartAsync(tablet, second.Id, "Paint")).Dispose();

        Assert.Equal($"Started: {second.Plate}, Paint. The clock on {first.Plate} was stopped.", await MessageAsync(tablet));
        var lines = await factory.WithDbAsync(db => db.ClockLines.AsNoTracking().Where(l => l.TechnicianId == technician).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal([(first.Id, ClockEnd.Switched as ClockEnd?), (second.Id, null)], lines.Select(l => (l.JobId, l.EndReason)));
        Assert.Equal(Department.Paint, lines[1].Department);

        var cars = await tablet.GetPageAsync("/workshop/tablet/cars");
        using var stopped = await tablet.SubmitPageAsync(cars, "/workshop/tablet/cars", "form[action='/workshop/tablet/stop']",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClockLines.CountAsync(l => l.TechnicianId == technician && l.EndedAt == null)));
    }

    [Fact]
    public async Task Two_tablets_starting_at_once_leave_one_open_clock()
    {
        var (a, _) = await RepairersAsync();
        var first = await AddJobAsync(a, inside: true);
        var second = await AddJobAsync(a, inside: true);
        var technician = await AddTechnicianAsync(a, "5553");
        var left = await OpenTabletAsync(a, "Left");
        var right = await OpenTabletAsync(a, "Right");
        (await CodeAsync(left, "5553")).Dispose();
        (await CodeAsync(right, "5553")).Dispose();
        var leftPage = await left.GetPageAsync("/workshop/tablet/cars");
        var rightPage = await right.GetPageAsync("/workshop/tablet/cars");

        var responses = await Task.WhenAll(
            left.SubmitPageAsync(leftPage, "/workshop/tablet/cars", "[data-testid=tablet-car] form",
                new Dictionary<string, string> { ["jobId"] = $"{first.Id}", ["task"] = "Body" }),
            right.SubmitPageAsync(rightPage, "/workshop/tablet/cars", "[data-testid=tablet-car] form",
                new Dictionary<string, string> { ["jobId"] = $"{second.Id}", ["task"] = "Body" }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ClockLines.CountAsync(l => l.TechnicianId == technician && l.EndedAt == null)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Bad_input_on_the_tablet_is_refused_without_a_clock()
    {
        var (a, _) = await RepairersAsync();
        var car = await AddJobAsync(a, inside: true);
        var technician = await AddTechnicianAsync(a, "5554");
        var tablet = await OpenTabletAsync(a);
        using var letters = await CodeAsync(tablet, "abcd");
        Assert.Equal(HttpStatusCode.BadRequest, letters.StatusCode);
        using var long_ = await CodeAsync(tablet, new string('5', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, long_.StatusCode);
        (await CodeAsync(tablet, "5554")).Dispose();

        (await StartAsync(tablet, car.Id, "999")).Dispose();
        Assert.Equal("Choose a task first.", await MessageAsync(tablet));
        (await StartAsync(tablet, car.Id, "")).Dispose();
        (await StartAsync(tablet, -1, "Body")).Dispose();
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClockLines.CountAsync(l => l.TechnicianId == technician)));
    }

    [Fact]
    public async Task Clocks_left_open_are_closed_at_closing_time_and_flagged_on_the_timesheet()
    {
        var (a, _) = await RepairersAsync();
        var car = await AddJobAsync(a, inside: true);
        var technician = await AddTechnicianAsync(a, "5555");
        var day = factory.DisplayTime.Today().AddDays(-2);
        var started = factory.DisplayTime.At(day, new TimeOnly(9, 0));
        await factory.WithDbAsync(async db =>
        {
            db.ClockLines.Add(new ClockLine { TechnicianId = technician, JobId = car.Id, Task = WorkTask.Body, Department = Department.Body,
                StartedAt = started });
            await db.SaveChangesAsync();
        });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CloseOpenClocks>().RunAsync(CancellationToken.None) >= 1);
        }

        var line = await factory.WithDbAsync(db => db.ClockLines.AsNoTracking().SingleAsync(l => l.TechnicianId == technician));
        var schedule = await factory.WithDbAsync(async db =>
            await db.AppointmentSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.RepairerId == a) ?? new AppointmentSchedule());
        Assert.Equal(ClosingTime.For(started, schedule, factory.DisplayTime.Zone), line.EndedAt);
        Assert.True(line.NeedsReview);

        var staff = new HtmlClient(factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var sheet = await staff.GetPageAsync($"/workshop/time?repairer={a}&date={day:yyyy-MM-dd}");
        var section = sheet.QuerySelectorAll("[data-testid=technician-day]").Single(s => s.TextContent.Contains("Test 5555", StringComparison.Ordinal));
        Assert.NotNull(section.QuerySelector("[data-testid=review-flag]"));
    }
}
