using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Accessibility;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Tests.Builders;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.BrowserTests;

/// <summary>
/// Issue 22 item 16: the job list fits desktop widths in every language, without a sideways scroll and with no
/// column cut; the columns a receptionist needs least give way first (demo jobs plus a few long names).
/// Item 18: the background jobs dashboard shows the bodyshop's time on a 24-hour clock, wherever the browser is.
/// </summary>
public sealed class LayoutAndDashboardBrowserTests(AccessibilityHost host) : IClassFixture<AccessibilityHost>
{
    private static readonly int[] Widths = [1280, 1400, 1600, 1920];
    private static readonly string[] Cultures = ["en-GB", "nl-BE", "fr-BE"];

    /// <summary>What the page says about its width, read in the browser.</summary>
    private const string Measure = """
        () => {
            const table = document.querySelector('table.pm-table');
            const wrapper = table.closest('.table-responsive');
            const headers = [...table.querySelectorAll('thead th')].filter(th => getComputedStyle(th).display !== 'none');
            const right = wrapper.getBoundingClientRect().right;
            return {
                pageScroll: document.documentElement.scrollWidth, pageClient: document.documentElement.clientWidth,
                tableScroll: wrapper.scrollWidth, tableClient: wrapper.clientWidth,
                shown: headers.map(th => th.textContent.trim()),
                cut: headers.filter(th => th.getBoundingClientRect().right > right + 1).map(th => th.textContent.trim()),
            };
        }
        """;

    [BrowserFact]
    public async Task The_job_list_fits_1280_to_1920_px_in_English_Dutch_and_French_without_a_sideways_scroll()
    {
        await SeedLongNamesAsync();
        var failures = new List<string>();
        var shownAt = new Dictionary<(string, int), int>();
        foreach (var culture in Cultures)
        {
            await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = host.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Locale = culture,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            await page.Locator("#Email").FillAsync(DemoDataSeeder.StaffEmail);
            await page.Locator("#Password").FillAsync(DemoDataSeeder.Password);
            await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
            await page.GotoAsync("/jobs?size=50");

            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                var m = await page.EvaluateAsync<JsonElement>(Measure);
                var shown = m.GetProperty("shown").EnumerateArray().Select(e => e.GetString()).ToList();
                shownAt[(culture, width)] = shown.Count;
                var label = $"{culture} {width}px ({string.Join(", ", shown)})";
                if (m.GetProperty("pageScroll").GetInt32() > m.GetProperty("pageClient").GetInt32())
                {
                    failures.Add($"{label}: the page scrolls sideways ({m.GetProperty("pageScroll")} > {m.GetProperty("pageClient")})");
                }

                if (m.GetProperty("tableScroll").GetInt32() > m.GetProperty("tableClient").GetInt32())
                {
                    failures.Add($"{label}: the table scrolls sideways ({m.GetProperty("tableScroll")} > {m.GetProperty("tableClient")})");
                }

                if (m.GetProperty("cut").GetArrayLength() > 0)
                {
                    failures.Add($"{label}: cut columns {m.GetProperty("cut")}");
                }

                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"job-list-{culture[..2]}-{width}.png") });
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing more is hidden than the width needs: all eleven columns on a wide screen, the nine most useful from 1280 px.
        Assert.All(Cultures, c => Assert.Equal(11, shownAt[(c, 1920)]));
        Assert.All(Cultures, c => Assert.Equal(9, shownAt[(c, 1280)]));
    }

    [BrowserFact]
    public async Task The_background_jobs_dashboard_shows_the_bodyshops_time_on_a_24_hour_clock_in_a_browser_in_another_zone()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = "America/New_York",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(DemoDataSeeder.SupportEmail);
        await page.Locator("#Password").FillAsync(DemoDataSeeder.Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();

        await page.GotoAsync($"{HangfireSetup.DashboardPath}/recurring");
        // The footer's "Time:" is the server's now, written by Hangfire's script as a date and a time of day.
        var footer = page.Locator("#footer [data-moment-local]").First;
        await Assertions.Expect(footer).ToHaveTextAsync(new Regex(@"^\d{1,2}/\d{1,2}/\d{4} \d{2}:\d{2}:\d{2}$"));
        var shown = DateTime.ParseExact(await footer.TextContentAsync() ?? "", "d/M/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        var brussels = host.Factory.DisplayTime.Local(DateTimeOffset.UtcNow).DateTime;
        Assert.True(Math.Abs((brussels - shown).TotalMinutes) < 3, $"shown {shown:O}, Brussels {brussels:O}");
        await Assertions.Expect(page.Locator("#footer")).Not.ToContainTextAsync(new Regex("AM|PM"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "background-jobs-recurring-en-1280.png"), FullPage = true });
    }

    /// <summary>The newest jobs (first on the list) with the longest names a bodyshop meets.</summary>
    private async Task SeedLongNamesAsync() => await host.Factory.WithDbAsync(async db =>
    {
        if (await db.Jobs.AnyAsync(j => j.Number >= 990_001))
        {
            return;
        }

        var repairer = await db.Repairers.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        db.Jobs.Add(new JobBuilder().Number(990_001).Repairer(repairer).Plate("1-ABC-123").Make("Mercedes-Benz", "GLE 350 de 4MATIC Coupé")
            .Owner(PartyBuilder.Owner("Carrosserie Vandenbroucke-Van der Straeten BV")).Insurer(PartyBuilder.Insurer("AG Insurance Belgium"))
            .Claim("BE-2026-00012345-07").Status(JobStatus.AwaitingApproval).Completion(today.AddDays(12)).Inside().Build());
        db.Jobs.Add(new JobBuilder().Number(990_002).Repairer(repairer).Plate("2-XYZ-987").Make("Volkswagen", "ID.4 Pro Performance")
            .Owner(PartyBuilder.Owner("Marie-Christine Vanderhaeghen-Delvaux")).Insurer(PartyBuilder.Insurer("Ethias Assurances"))
            .Claim("ETH/2026/884213").Status(JobStatus.InRepair).Completion(today.AddDays(3)).Build());
        await db.SaveChangesAsync();
    });
}
