using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using Xunit.Abstractions;

namespace PlanManager.BrowserTests.Accessibility;

/// <summary>
/// WCAG 2.1 A and AA (axe-core) on every page of the app: staff, support and portal, in English
/// and Dutch, at 1280 px, and the portal also at 390 px on a phone. Zero violations, or an
/// exception written in <see cref="Exceptions"/> (and docs/accessibility.md) for one rule on one page.
/// </summary>
public sealed class AccessibilityScanTests(AccessibilityHost host, ITestOutputHelper output) : IClassFixture<AccessibilityHost>
{
    private static readonly string[] Cultures = ["en-GB", "nl-BE"];

    /// <summary>(axe rule, route pattern) → why it is accepted. Keep it empty unless there is no fix.</summary>
    public static readonly Dictionary<(string Rule, string Pattern), string> Exceptions = new();

    /// <summary>artifacts/accessibility: the scan's report, and pages/ with a screenshot of every page scanned in English.</summary>
    private static string ReportFolder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(BrowserHost.ScreenshotFolder)!,
        "accessibility")).FullName;

    private static string ShotFolder { get; } = Directory.CreateDirectory(Path.Combine(ReportFolder, "pages")).FullName;

    private static string ShotName(string url) => url.Trim('/').Replace('/', '_');

    [BrowserFact]
    public async Task Every_page_meets_WCAG_2_1_AA_in_two_languages_at_desktop_and_phone_width()
    {
        await SeedWeekOfAppointmentsAsync();
        var pages = await AppPages.ListAsync(host.Factory);
        Assert.True(pages.Count > 20, $"only {pages.Count} pages found: the endpoint enumeration is broken");

        var failures = new List<string>();
        var report = new StringBuilder();
        var scans = 0;
        var version = string.Empty;
        foreach (var culture in Cultures)
        {
            foreach (var audience in Enum.GetValues<Audience>())
            {
                var forAudience = pages.Where(p => p.Audience == audience).ToList();
                foreach (var width in new[] { 1280, 390 })
                {
                    var atWidth = width == 1280 ? forAudience : forAudience.Where(p => p.IsPortal).ToList();
                    if (atWidth.Count == 0)
                    {
                        continue;
                    }

                    await using var context = await NewContextAsync(culture, width);
                    var page = await context.NewPageAsync();
                    await SignInAsync(page, audience);
                    foreach (var appPage in atWidth)
                    {
                        var response = await page.GotoAsync(appPage.Url);
                        // The error pages (staff and portal) and access-denied answer with their status; every other page with 200, at its own address.
                        var notFound = appPage.Pattern.StartsWith("error/", StringComparison.Ordinal)
                            || appPage.Pattern.EndsWith("{**rest}", StringComparison.Ordinal);
                        var expected = notFound ? 404 : appPage.Pattern.EndsWith("access-denied", StringComparison.Ordinal) ? 403 : 200;
                        if (response?.Status != expected || !new Uri(page.Url).AbsolutePath.Equals(appPage.Url, StringComparison.Ordinal))
                        {
                            failures.Add($"[not scanned] {appPage.Url} as {audience} answered {response?.Status} at {page.Url} "
                                + $"(expected {expected}): wrong sample id or audience?");
                            continue;
                        }

                        if (culture == Cultures[0])
                        {
                            // One picture of every page as scanned, to see what a contrast fix did to the look.
                            await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, $"{ShotName(appPage.Url)}-{width}.png"), FullPage = true });
                        }

                        var (axeVersion, violations) = await Axe.RunAsync(page);
                        version = axeVersion;
                        scans++;
                        var where = $"{appPage.Url} ({audience}, {culture}, {width} px)";
                        var open = violations.Where(v => !Exceptions.ContainsKey((v.Rule, appPage.Pattern))).ToList();
                        report.AppendLine(CultureInfo.InvariantCulture, $"{where}: {violations.Count} violation(s), {violations.Count - open.Count} excepted");
                        failures.AddRange(open.Select(v => $"[{v.Rule}] {where}\n    {v.Target}\n    {v.Help}: {v.Summary}"));
                    }
                }
            }
        }

        var distinctPages = pages.Select(p => p.Url).Distinct(StringComparer.Ordinal).Count();
        var summary = $"axe-core {version}, rules tagged {string.Join(", ", Axe.Tags)}: {distinctPages} pages "
            + $"from {pages.Select(p => p.Pattern).Distinct(StringComparer.Ordinal).Count()} routes, "
            + $"{Cultures.Length} languages, {scans} scans, {failures.Count} violation(s) not excepted";
        await File.WriteAllTextAsync(Path.Combine(ReportFolder, "axe-scan.txt"), summary + "\n\n" + report + "\n" + string.Join("\n", failures) + "\n");
        output.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{summary}\n\n{string.Join("\n", failures)}");
    }

    private async Task<IBrowserContext> NewContextAsync(string culture, int width) =>
        await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = width == 390 ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = width == 390,
            HasTouch = width == 390,
            Locale = culture,
            // The app's CSP forbids inline and injected scripts; only this test context bypasses it, to add axe.
            BypassCSP = true,
        });

    private static async Task SignInAsync(IPage page, Audience audience)
    {
        if (audience == Audience.Anonymous)
        {
            return;
        }

        // By field ids, not labels: the labels are in the run's language.
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(audience == Audience.Support ? DemoDataSeeder.SupportEmail : DemoDataSeeder.StaffEmail);
        await page.Locator("#Password").FillAsync(DemoDataSeeder.Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
    }

    /// <summary>The demo has no appointments; a week of them (one confirmed, one with portal photos) fills the agenda.</summary>
    private async Task SeedWeekOfAppointmentsAsync() => await host.Factory.WithDbAsync(async db =>
    {
        if (await db.Appointments.AnyAsync())
        {
            return;
        }

        var repairer = await db.Repairers.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var jobs = await db.Jobs.Where(j => j.RepairerId == repairer).OrderByDescending(j => j.Number).Take(4).ToListAsync();
        var today = host.Factory.DisplayTime.Today();
        var now = DateTimeOffset.UtcNow;
        foreach (var (job, index) in jobs.Select((j, i) => (j, i)))
        {
            var start = host.Factory.DisplayTime.At(today.AddDays(index), new TimeOnly(9 + (2 * index), 0));
            if (index == 0)
            {
                job.NotePortalPhotos(now);
            }

            db.Appointments.Add(new Appointment
            {
                RepairerId = repairer, JobId = job.Id, Status = index == 1 ? AppointmentStatus.Confirmed : AppointmentStatus.Requested,
                    Kind = index % 2 == 0 ? AppointmentKind.Estimate : AppointmentKind.Repair, Start = start, Place = 1,
                CustomerName = $"Customer {index + 1}", Phone = "+32 470 00 00 0" + index.ToString(CultureInfo.InvariantCulture),
                    Message = index == 0 ? "Scratch on the bonnet" : null,
                CreatedAt = now, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
    });
}
