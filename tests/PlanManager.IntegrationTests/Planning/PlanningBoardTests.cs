using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure;

namespace PlanManager.IntegrationTests.Planning;

/// <summary>
/// The planning board (W1) on the real database: what a week shows, moves through the job's door with
/// the concurrency check and a log line, planned hours and capacity, and every form's bad input.
/// Each test has a repairer of its own, in a week of its own, so demo jobs never get in the way.
/// </summary>
public sealed class PlanningBoardTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    /// <summary>A Monday far from the demo's weeks.</summary>
    private static readonly DateOnly Week = new(2030, 3, 4);

    private static int s_repairer;
    private static int s_number = 700_000;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> RepairerAsync(decimal bodyHoursPerDay = 8) => await Factory.WithDbAsync(async db =>
    {
        var repairer = new Repairer { Name = $"Plan test {Interlocked.Increment(ref s_repairer)}", Country = "BE" };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        db.DepartmentCapacities.Add(new DepartmentCapacity
        {
            RepairerId = repairer.Id, Department = Department.Body, Technicians = 1, HoursPerTechnician = bodyHoursPerDay,
        });
        await db.SaveChangesAsync();
        return repairer.Id;
    });

    private async Task<int> JobAsync(int repairer, string plate, DateOnly? start, DateOnly? end, JobStatus status = JobStatus.Approved,
        decimal? bodyHours = null) =>
        await Factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(Interlocked.Increment(ref s_number)).Repairer(repairer).Plate(plate).Status(status)
                .With(d => d with { StartDate = start, EndDate = end, EstimatedCompletionDate = end }).Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            if (bodyHours is { } hours)
            {
                db.PlannedHours.Add(new PlannedHours { JobId = job.Id, Department = Department.Body, Hours = hours });
                await db.SaveChangesAsync();
            }

            return job.Id;
        });

    private Task<Job> ReadJobAsync(int id) => Factory.WithDbAsync(db => db.Jobs.AsNoTracking().Include(j => j.Log).SingleAsync(j => j.Id == id));

    private static string Board(int repairer) => $"/planning?repairer={repairer}&week={Day(Week)}";

    private async Task<HttpResponseMessage> MoveAsync(int repairer, int job, DateOnly start, DateOnly? end, Guid? stamp = null)
    {
        var values = new Dictionary<string, string> { ["Start"] = Day(start), ["End"] = end is { } e ? Day(e) : string.Empty };
        if (stamp is { } s)
        {
            values["Stamp"] = s.ToString();
        }

        return await Browser.SubmitAsync(Board(repairer), $"form[data-plan-form='{job}']", values);
    }

    [Fact]
    public async Task A_week_shows_a_row_per_planned_job_the_load_against_capacity_with_over_days_marked_and_the_unplanned_oldest_first()
    {
        var repairer = await RepairerAsync(bodyHoursPerDay: 8);
        await JobAsync(repairer, "1-BIG-001", Week, Week.AddDays(1), JobStatus.InRepair, bodyHours: 20);
        await JobAsync(repairer, "1-SML-002", Week.AddDays(1), Week.AddDays(1), bodyHours: 3);
        await JobAsync(repairer, "1-NEW-003", Week, Week, JobStatus.Estimate, bodyHours: 50);
        await JobAsync(repairer, "1-UNP-004", null, null);
        await JobAsync(repairer, "1-UNP-005", null, null, JobStatus.InRepair);
        await JobAsync(repairer, "1-DON-006", null, null, JobStatus.Delivered);

        var page = await Browser.GetPageAsync(Board(repairer));

        var rows = page.QuerySelectorAll("[data-testid=board-row] th > a.fw-semibold").Select(a => a.TextContent).ToList();
        Assert.Equal(["1-BIG-001", "1-SML-002"], rows);
        // 10 h of the big job on Monday against 8: over, said in words too; Tuesday 10 + 3.
        var monday = page.QuerySelector($"[data-testid=load-Body-{Day(Week)}]")!;
        Assert.Equal("true", monday.GetAttribute("data-over"));
        Assert.Contains("Over capacity", monday.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 / 8", monday.TextContent, StringComparison.Ordinal);
        Assert.Contains("13 / 8", page.QuerySelector($"[data-testid=load-Body-{Day(Week.AddDays(1))}]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", page.QuerySelector($"[data-testid=load-Body-{Day(Week.AddDays(2))}]")!.GetAttribute("data-over"));
        Assert.Contains("0 / 0", page.QuerySelector($"[data-testid=load-Body-{Day(Week.AddDays(5))}]")!.TextContent, StringComparison.Ordinal);
        var unplanned = page.QuerySelectorAll("[data-testid=unplanned-job] [data-drag-unplanned]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["⠿ 1-UNP-004", "⠿ 1-UNP-005"], unplanned);
    }

    [Fact]
    public async Task A_job_that_started_before_the_week_spans_from_its_first_column()
    {
        var repairer = await RepairerAsync();
        await JobAsync(repairer, "1-LNG-001", Week.AddDays(-3), Week.AddDays(2));

        var page = await Browser.GetPageAsync(Board(repairer));

        var cell = page.QuerySelector("[data-testid=board-row] td.pm-bar-cell")!;
        Assert.Equal("3", cell.GetAttribute("colspan"));
        Assert.Contains("pm-bar-before", cell.QuerySelector(".pm-bar")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_changes_start_end_and_completion_through_the_job_logs_it_and_returns_to_the_week()
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-MOV-001", Week, Week.AddDays(1));
        var before = await ReadJobAsync(id);

        using var response = await MoveAsync(repairer, id, Week.AddDays(2), Week.AddDays(4));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"week={Day(Week)}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var job = await ReadJobAsync(id);
        Assert.Equal((Week.AddDays(2), Week.AddDays(4), Week.AddDays(4)), (job.StartDate, job.EndDate, job.EstimatedCompletionDate));
        Assert.NotEqual(before.ConcurrencyStamp, job.ConcurrencyStamp);
        var line = Assert.Single(job.Log, l => l.MessageKey == JobLogMessages.Planned);
        Assert.Equal($"{Day(Week.AddDays(2))}|{Day(Week.AddDays(4))}", line.Detail);
        Assert.Equal(DemoDataSeeder.StaffEmail, line.UserName);

        var screen = await Browser.GetPageAsync($"/jobs/{id}");
        Assert.Contains("Planned in the workshop from", screen.QuerySelector("[data-testid=job-log]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_planners_moving_the_same_job_the_second_is_refused_with_a_message_and_nothing_changes()
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-TWO-001", Week, Week);
        var first = await Browser.GetPageAsync(Board(repairer));
        var second = new HtmlClient(Factory.CreateBrowserLikeClient());
        await second.SignInAsync(DemoDataSeeder.SupportEmail);
        var secondPage = await second.GetPageAsync(Board(repairer));

        using var moved = await Browser.SubmitPageAsync(first, Board(repairer), $"form[data-plan-form='{id}']",
            new Dictionary<string, string> { ["Start"] = Day(Week.AddDays(1)), ["End"] = Day(Week.AddDays(1)) });
        var afterFirst = await ReadJobAsync(id);
        using var refused = await second.SubmitPageAsync(secondPage, Board(repairer), $"form[data-plan-form='{id}']",
            new Dictionary<string, string> { ["Start"] = Day(Week.AddDays(3)), ["End"] = Day(Week.AddDays(4)) });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var job = await ReadJobAsync(id);
        Assert.Equal((Week.AddDays(1), Week.AddDays(1)), (job.StartDate, job.EndDate));
        Assert.Equal(afterFirst.ConcurrencyStamp, job.ConcurrencyStamp);
        Assert.Single(job.Log, l => l.MessageKey == JobLogMessages.Planned);
        var board = await second.GetPageAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("Someone else changed this job in the meantime. Nothing was changed", board.QuerySelector(".alert-danger")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_form_with_a_stale_stamp_shows_the_job_as_it_is_now_with_the_message()
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-FRM-001", Week, Week);
        var form = await Browser.GetPageAsync($"/planning/jobs/{id}");
        using (await MoveAsync(repairer, id, Week.AddDays(2), Week.AddDays(2)))
        {
        }

        using var response = await Browser.SubmitPageAsync(form, $"/planning/jobs/{id}", "[data-testid=plan-form]",
            new Dictionary<string, string> { ["Start"] = Day(Week.AddDays(4)), ["End"] = Day(Week.AddDays(4)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Someone else changed this job", page.QuerySelector("[data-testid=validation-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Day(Week.AddDays(2)), page.QuerySelector("#Start")!.GetAttribute("value"));
        Assert.Equal(Week.AddDays(2), (await ReadJobAsync(id)).StartDate);
    }

    [Fact]
    public async Task Dropping_an_unplanned_job_on_a_day_plans_it_for_as_many_working_days_as_its_hours_need()
    {
        var repairer = await RepairerAsync();
        // 20 hours over one technician's day of 9 (08:00 to 17:00): three working days from Friday is Friday, Monday, Tuesday.
        var id = await JobAsync(repairer, "1-DRP-001", null, null, bodyHours: 20);

        using var response = await MoveAsync(repairer, id, Week.AddDays(4), null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await ReadJobAsync(id);
        Assert.Equal((Week.AddDays(4), Week.AddDays(8), Week.AddDays(8)), (job.StartDate, job.EndDate, job.EstimatedCompletionDate));
        var board = await Browser.GetPageAsync(Board(repairer));
        Assert.Empty(board.QuerySelectorAll("[data-testid=unplanned-job]"));
    }

    [Fact]
    public async Task Typed_hours_win_over_the_newest_estimate_department_by_department()
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-EST-001", Week, Week);
        await Factory.WithDbAsync(async db =>
        {
            foreach (var (version, labour) in new[] { (1, 2m), (2, 5m) })
            {
                var estimate = new EstimateVersion
                {
                    JobId = id, EstimateNumber = "EST-1", Version = version, LabourHours = labour + 2, LoadedAt = DateTimeOffset.UtcNow,
                    PlatformUpdatedAt = DateTimeOffset.UtcNow.AddDays(version),
                };
                estimate.Lines.Add(new EstimateLine { LineNo = 1, Kind = "labour", Description = "Panel", Quantity = labour, Amount = 100 });
                estimate.Lines.Add(new EstimateLine { LineNo = 2, Kind = "part", Description = "Bumper", Quantity = 1, Amount = 300 });
                db.Estimates.Add(estimate);
            }

            await db.SaveChangesAsync();
        });

        using var saved = await Browser.SubmitAsync($"/planning/jobs/{id}", "[data-testid=hours-form]",
            new Dictionary<string, string> { ["Paint"] = "6", ["Assembly"] = "1.5" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await Browser.GetPageAsync($"/planning/jobs/{id}");
        var planned = page.QuerySelectorAll("[data-testid=hours-form] tbody tr").Select(r => r.QuerySelectorAll("td")[^1].TextContent).ToList();
        // Version 2: 5 h body, 2 h paint work (1 preparation, 1 paint); paint and assembly typed.
        Assert.Equal(["5", "1", "6", "1.5"], planned);
        var board = await Browser.GetPageAsync(Board(repairer));
        Assert.Contains("5 / 8", board.QuerySelector($"[data-testid=load-Body-{Day(Week)}]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await Factory.WithDbAsync(db => db.JobLog.Where(l => l.JobId == id).Select(l => l.MessageKey).ToListAsync()),
            k => k == JobLogMessages.PlannedHours);
    }

    public static TheoryData<string, string, string> BadPlans => new()
    {
        { "end before start", "2030-03-06", "2030-03-05" },
        { "no start", "", "2030-03-05" },
        { "not a date", "5 March", "2030-03-06" },
        { "longer than a plan may be", "2030-03-04", "2030-06-04" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_on_the_form_is_refused_next_to_its_field_and_nothing_changes(string _, string start, string end)
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-BAD-001", Week, Week);

        using var response = await Browser.SubmitAsync($"/planning/jobs/{id}", "[data-testid=plan-form]",
            new Dictionary<string, string> { ["Start"] = start, ["End"] = end });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.QuerySelectorAll(".invalid-feedback"));
        var job = await ReadJobAsync(id);
        Assert.Equal((Week, Week), (job.StartDate, job.EndDate));
        Assert.DoesNotContain(job.Log, l => l.MessageKey == JobLogMessages.Planned);
    }

    [Fact]
    public async Task A_bad_move_from_the_board_goes_back_with_the_reason_and_nothing_changes()
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-BAD-002", Week, Week);

        using var response = await MoveAsync(repairer, id, Week.AddDays(3), Week.AddDays(1));

        var board = await Browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("The end cannot be before the start.", board.QuerySelector(".alert-danger")!.TextContent.Trim());
        Assert.Equal(Week, (await ReadJobAsync(id)).StartDate);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1000")]
    [InlineData("lots")]
    public async Task Negative_too_many_or_unreadable_hours_are_refused_and_nothing_is_saved(string hours)
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-HRS-001", Week, Week, bodyHours: 4);

        using var response = await Browser.SubmitAsync($"/planning/jobs/{id}", "[data-testid=hours-form]", new Dictionary<string, string> { ["Body"] = hours });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#hours-Body.is-invalid"));
        Assert.Equal(4, await Factory.WithDbAsync(db => db.PlannedHours.Where(p => p.JobId == id).Select(p => p.Hours).SingleAsync()));
    }

    [Theory]
    [InlineData("GET", "/planning/jobs/999999")]
    [InlineData("POST", "/planning/jobs/999999/plan")]
    [InlineData("POST", "/planning/jobs/999999/hours")]
    public async Task An_unknown_job_is_not_found(string method, string url)
    {
        var repairer = await RepairerAsync();
        var id = await JobAsync(repairer, "1-UNK-001", Week, Week);
        var page = await Browser.GetPageAsync($"/planning/jobs/{id}");
        var token = HtmlClient.Token(page, "[data-testid=plan-form]");

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Start"] = Day(Week), ["Stamp"] = Guid.NewGuid().ToString(), ["Body"] = "1",
        });
        using var response = method == "GET" ? await Browser.Http.GetAsync(url) : await Browser.Http.PostAsync(url, content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Staff_see_the_capacity_read_only_and_support_saves_it_refusing_more_than_a_day_per_technician()
    {
        var repairer = await RepairerAsync();
        var staffPage = await Browser.GetPageAsync($"/planning/capacity/{repairer}");
        Assert.NotNull(staffPage.QuerySelector("[data-testid=capacity-read-only]"));
        Assert.Empty(staffPage.QuerySelectorAll("[data-testid=capacity] input[type=number]"));

        var support = new HtmlClient(Factory.CreateBrowserLikeClient());
        await support.SignInAsync(DemoDataSeeder.SupportEmail);
        using var refused = await support.SubmitAsync($"/planning/capacity/{repairer}", "[data-testid=capacity-form]",
            new Dictionary<string, string> { ["Lines[2].Technicians"] = "1", ["Lines[2].HoursPerTechnician"] = "25" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = HtmlClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("A technician works between 0 and 24 hours a day.", page.QuerySelector("#hours-2-error")!.TextContent);
        using var negative = await support.SubmitAsync($"/planning/capacity/{repairer}", "[data-testid=capacity-form]",
            new Dictionary<string, string> { ["Lines[0].Technicians"] = "-1" });
        Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
        Assert.Equal(8, await Factory.WithDbAsync(db => db.DepartmentCapacities.Where(c => c.RepairerId == repairer).SumAsync(c => (int)c.HoursPerTechnician)));

        using var saved = await support.SubmitAsync($"/planning/capacity/{repairer}", "[data-testid=capacity-form]",
            new Dictionary<string, string> { ["Lines[2].Technicians"] = "2", ["Lines[2].HoursPerTechnician"] = "7.5" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var board = await Browser.GetPageAsync(Board(repairer));
        Assert.Contains("0 / 15", board.QuerySelector($"[data-testid=load-Paint-{Day(Week)}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_remembers_the_repairer_and_the_month_and_day_sheet_show_the_same_load()
    {
        var repairer = await RepairerAsync();
        await JobAsync(repairer, "1-MON-001", Week, Week, bodyHours: 12);
        await Browser.GetPageAsync(Board(repairer));

        var again = await Browser.GetPageAsync($"/planning/month?month={Day(Week)}");
        var sheet = await Browser.GetPageAsync($"/planning/day-sheet?date={Day(Week)}&department=Body");

        Assert.Equal(repairer.ToString(CultureInfo.InvariantCulture), again.QuerySelector("#repairer option[selected]")!.GetAttribute("value"));
        var monday = again.QuerySelectorAll("[data-testid=month-day]").Single(d => d.GetAttribute("data-day") == Day(Week));
        Assert.Equal("true", monday.GetAttribute("data-over"));
        Assert.Contains("Over: Body", monday.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(sheet.QuerySelectorAll("[data-testid=sheet-row]"));
        Assert.Contains("1-MON-001", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("12 h planned of 8 h capacity", sheet.QuerySelector("[data-testid=sheet-load]")!.TextContent, StringComparison.Ordinal);
    }
}
