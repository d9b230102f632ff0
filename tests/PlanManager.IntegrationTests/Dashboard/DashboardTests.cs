using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Dashboard;

/// <summary>The dashboard (R1) on a known data set: every tile's figures, for one repairer, all, and a repairer with no jobs.</summary>
public sealed class DashboardTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private const string RepairerName = "Dashboard Body Repairs";
    private const string EmptyRepairerName = "Nothing Yet Repairs";

    private async Task<(int Repairer, int Empty, int FailedJob)> ArrangeAsync()
    {
        var time = Factory.DisplayTime;
        var today = time.Today();
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset Day(int daysAgo) => time.At(today.AddDays(-daysAgo), new TimeOnly(10, 0));
        return await Factory.WithDbAsync(async db =>
        {
            if (await db.Repairers.SingleOrDefaultAsync(r => r.Name == RepairerName) is { } existing)
            {
                var empty = await db.Repairers.Where(r => r.Name == EmptyRepairerName).Select(r => r.Id).SingleAsync();
                var failed = await db.CapsSyncStates.Where(s => s.Attempts > 0).Select(s => s.JobId).SingleAsync();
                return (existing.Id, empty, failed);
            }

            var repairer = RepairerBuilder.Belgian(RepairerName).Build();
            var nothing = RepairerBuilder.Belgian(EmptyRepairerName).Build();
            db.Repairers.AddRange(repairer, nothing);
            await db.SaveChangesAsync();
            Job Add(JobBuilder builder)
            {
                var job = builder.Repairer(repairer.Id).Build();
                db.Jobs.Add(job);
                return job;
            }

            var inRepairNew = Add(new JobBuilder().Status(JobStatus.InRepair).InsideSince(Day(1)));
            var inRepairOld = Add(new JobBuilder().Status(JobStatus.InRepair).InsideSince(Day(5)));
            Add(new JobBuilder().Status(JobStatus.Ready).InsideSince(Day(5)));
            Add(new JobBuilder().Status(JobStatus.Closed).InsideSince(Day(40)));
            Add(new JobBuilder().Status(JobStatus.Delivered).InsideSince(Day(10)));
            var linked = Add(new JobBuilder().Status(JobStatus.New));
            Add(new JobBuilder().Status(JobStatus.Estimate));
            Add(new JobBuilder().Status(JobStatus.Closed).OffSite(Day(3)));
            await db.SaveChangesAsync();

            db.QueueItems.AddRange(
                Offer(ConnectorKind.Caps, "D-1", now.AddDays(-3).AddHours(-2), QueueItemStatus.Waiting),
                Offer(ConnectorKind.Caps, "D-2", now.AddHours(-1), QueueItemStatus.Waiting),
                Offer(ConnectorKind.Caps, "D-3", now.AddDays(-9), QueueItemStatus.Accepted));
            db.Claims360Items.AddRange(
                new Claims360Item { RepairerId = repairer.Id, AssignmentNumber = "C-1", LicensePlate = "1-AAA-001", ImportedAt = now.AddDays(-2).AddHours(-1) },
                new Claims360Item { RepairerId = repairer.Id, AssignmentNumber = "C-2", LicensePlate = "1-AAA-002", ImportedAt = now.AddDays(-8),
                    Status = Claims360ItemStatus.Job, JobId = linked.Id });
            db.InformexTransmissions.AddRange(
                new InformexTransmission { RepairerId = repairer.Id, AssignmentNumber = "I-1", LicensePlate = "1-BBB-001", LicensePlateKey = "1BBB001",
                    ReceivedAt = now.AddDays(-5).AddHours(-1), ImportedAt = now },
                new InformexTransmission { RepairerId = repairer.Id, AssignmentNumber = "I-2", LicensePlate = "1-BBB-002", LicensePlateKey = "1BBB002",
                    ReceivedAt = now.AddDays(-20), ImportedAt = now });
            db.InformexJobFiles.Add(new InformexJobFile { JobId = linked.Id, AssignmentNumber = "I-2" });
            db.Appointments.AddRange(
                new Appointment { RepairerId = repairer.Id, JobId = linked.Id, Kind = AppointmentKind.Estimate, Status = AppointmentStatus.Confirmed,
                    Start = time.At(today, new TimeOnly(10, 0)), Place = 1, CustomerName = "Ann Peeters" },
                new Appointment { RepairerId = repairer.Id, Kind = AppointmentKind.Repair, Status = AppointmentStatus.Cancelled,
                    Start = time.At(today, new TimeOnly(14, 0)), Place = -1, CustomerName = "Cancelled Customer" },
                new Appointment { RepairerId = repairer.Id, Kind = AppointmentKind.Repair, Start = time.At(today.AddDays(1), new TimeOnly(9, 0)), Place = 1,
                    CustomerName = "Bram Wouters" });
            db.Claims360Setups.Add(new Claims360Setup { RepairerId = repairer.Id, CarrosserieId = "DASH-0001", ProtectedBodyshopKey = "x",
                ProtectedPlanManagerKey = "x", ConfiguredAt = now, LastImportAt = now.AddHours(-1), LastImportErrorAt = now.AddMinutes(-10),
                LastImportError = "401 from Claims360" });
            db.CapsSyncStates.AddRange(
                new CapsSyncState { JobId = inRepairNew.Id, DueAt = now.AddMinutes(1) },
                new CapsSyncState { JobId = inRepairOld.Id, Attempts = 2, LastAttemptAt = now.AddMinutes(-5), LastError = "timeout" });
            await db.SaveChangesAsync();
            return (repairer.Id, nothing.Id, inRepairOld.Id);
        });
    }

    private static QueueItem Offer(ConnectorKind platform, string id, DateTimeOffset offeredAt, QueueItemStatus status) => new()
    {
        Platform = platform, ExternalId = id, ClaimNumber = id, Registration = "AB12 CDE", OfferedAt = offeredAt, ImportedAt = offeredAt, Status = status,
    };

    private static List<string[]> Rows(IHtmlDocument page, string testId) =>
        [.. page.QuerySelectorAll($"[data-testid={testId}] tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task Staff_land_on_the_dashboard_and_the_job_list_stays_in_the_menu()
    {
        var page = await Browser.GetPageAsync("/");

        Assert.Equal("Dashboard", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("nav a[href='/jobs']"));
        Assert.NotNull(page.QuerySelector("nav a[href='/reports']"));
    }

    [Fact]
    public async Task Every_link_of_every_tile_leads_somewhere_for_staff_and_support()
    {
        var (repairer, _, _) = await ArrangeAsync();
        var support = new HtmlClient(Factory.CreateBrowserLikeClient());
        await support.SignInAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.SupportEmail);

        foreach (var page in new[] { await Browser.GetPageAsync($"/?repairer={repairer}"), await support.GetPageAsync($"/?repairer={repairer}") })
        {
            var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "").ToList();
            Assert.True(links.Count > 10);
            Assert.All(links, href => Assert.StartsWith("/", href, StringComparison.Ordinal));
        }

        var supportPage = await support.GetPageAsync("/");
        Assert.Equal("/administration/connectors", supportPage.QuerySelector("[data-testid=check-Caps] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Cars_inside_are_counted_by_days_in_with_the_stale_ones_apart_and_link_to_vehicles_inside()
    {
        var (repairer, _, _) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/?repairer={repairer}");

        Assert.Equal(
            [
                ["0–1 days", "1", "0"], ["2–3 days", "0", "0"], ["4–7 days", "2", "0"],
                ["8–14 days", "0", "1"], ["15–30 days", "0", "0"], ["over 30 days", "0", "1"],
            ],
            Rows(page, "inside-table"));
        var tile = page.QuerySelector("[data-testid=tile-inside]")!;
        Assert.Equal($"/workshop/vehicles-inside?repairer={repairer}", tile.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("5 cars inside", tile.QuerySelector("a")!.TextContent.Trim());
        var stale = tile.QuerySelector("[data-testid=stale-inside] a")!;
        Assert.StartsWith("2 finished cars", stale.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"/workshop/vehicles-inside?repairer={repairer}&finished=true", stale.GetAttribute("href"));
    }

    [Fact]
    public async Task Open_jobs_are_counted_per_status_with_a_link_to_the_filtered_job_list()
    {
        var (repairer, _, _) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/?repairer={repairer}");

        Assert.Equal(
            [["New", "1"], ["Estimate", "1"], ["Awaiting approval", "0"], ["Approved", "0"], ["In repair", "2"], ["Ready", "1"]],
            Rows(page, "status-table"));
        Assert.Equal($"/jobs?status=4&repairer={repairer}", page.QuerySelectorAll("[data-testid=status-table] tbody a")[4].GetAttribute("href"));
    }

    [Fact]
    public async Task Each_job_queue_shows_what_waits_and_the_age_of_the_oldest()
    {
        var (repairer, _, _) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/?repairer={repairer}");

        Assert.Equal(
            [["CAPS", "2", "3 days"], ["AudatexUK Claims", "0", ""], ["Claims360", "1", "2 days"], ["Informex (Winformex II)", "1", "5 days"]],
            Rows(page, "queue-table"));
        Assert.Equal("/job-queue/caps", page.QuerySelector("[data-testid=queue-Caps] a")!.GetAttribute("href"));
        Assert.Equal("/job-queue/audatex-uk", page.QuerySelector("[data-testid=queue-AudatexUk] a")!.GetAttribute("href"));
        Assert.Equal($"/claims360?repairer={repairer}", page.QuerySelector("[data-testid=queue-Claims360] a")!.GetAttribute("href"));
        Assert.Equal($"/job-queue/informex?repairer={repairer}", page.QuerySelector("[data-testid=queue-Informex] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Todays_and_tomorrows_appointments_leave_out_cancelled_ones()
    {
        var (repairer, _, _) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/?repairer={repairer}");

        var today = page.QuerySelector("[data-testid=appointments-today]")!;
        var tomorrow = page.QuerySelector("[data-testid=appointments-tomorrow]")!;
        Assert.Equal("1", today.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Contains("Ann Peeters", today.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled Customer", today.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bram Wouters", tomorrow.TextContent, StringComparison.Ordinal);
        Assert.Contains("To be confirmed", tomorrow.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connector_health_shows_claims360_imports_and_caps_pushes_with_a_link_to_the_failed_job()
    {
        var (repairer, _, failedJob) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/?repairer={repairer}");

        var imports = Rows(page, "health-claims360");
        Assert.Equal(RepairerName, Assert.Single(imports)[0]);
        Assert.Contains("failing since", imports[0][1], StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("[data-testid=caps-waiting]")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-testid=caps-failed]")!.TextContent.Trim());
        Assert.Equal($"/jobs/{failedJob}", page.QuerySelector("[data-testid=health-caps] a")!.GetAttribute("href"));
        // The demo switched every connector on; none was checked yet.
        Assert.Equal(5, page.QuerySelectorAll("[data-testid=health-checks] tbody tr").Length);
        Assert.Contains("not checked", page.QuerySelector("[data-testid=check-Caps]")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_repairer_with_no_jobs_shows_zeros_everywhere()
    {
        var (_, empty, _) = await ArrangeAsync();
        var page = await Browser.GetPageAsync($"/?repairer={empty}");

        Assert.All(Rows(page, "inside-table"), r => Assert.Equal(["0", "0"], r[1..]));
        Assert.All(Rows(page, "status-table"), r => Assert.Equal("0", r[1]));
        Assert.Equal(["0", "0"], Rows(page, "queue-table")[2..].Select(r => r[1]));
        Assert.Null(page.QuerySelector("[data-testid=stale-inside]"));
        Assert.Null(page.QuerySelector("[data-testid=health-claims360]"));
        Assert.Equal("0", page.QuerySelector("[data-testid=caps-failed]")!.TextContent.Trim());
        Assert.Contains("No appointments", page.QuerySelector("[data-testid=appointments-today]")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task All_repairers_add_up_every_repairers_figures()
    {
        await ArrangeAsync();
        var page = await Browser.GetPageAsync("/");

        Assert.Equal("5 cars inside", page.QuerySelector("[data-testid=tile-inside] a")!.TextContent.Trim());
        Assert.Equal(["1", "1", "0", "0", "2", "1"], Rows(page, "status-table").Select(r => r[1]));
        Assert.Equal("1", page.QuerySelector("[data-testid=caps-failed]")!.TextContent.Trim());
    }
}
