using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using SkiaSharp;

namespace PlanManager.BrowserTests.Accessibility;

/// <summary>
/// The keyboard alone: Tab reaches every control of the job screen with a visible focus ring, and
/// dialogs keep the focus inside while open and give it back to what opened them.
/// </summary>
public sealed class KeyboardTests(AccessibilityHost host) : IClassFixture<AccessibilityHost>
{
    /// <summary>Marks every visible, enabled control (one per radio group) and returns how many.</summary>
    private const string MarkControls = """
        () => {
            const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
            const seenRadios = new Set();
            let count = 0;
            for (const e of document.querySelectorAll(selector)) {
                const style = getComputedStyle(e);
                const shown = e.getClientRects().length > 0 && style.visibility !== 'hidden';
                if (!shown || e.disabled || e.closest('[inert], .modal:not(.show)')) continue;
                if (e.type === 'radio') { if (seenRadios.has(e.name)) continue; seenRadios.add(e.name); }
                e.dataset.pmKey = String(count++);
            }
            return count;
        }
        """;

    /// <summary>What has the focus now: its mark, a description, whether a focus ring shows and whether it is on screen.</summary>
    private const string Focused = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return { key: '', what: 'body', ring: false, onScreen: false };
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            const key = e.type === 'radio'
                ? (document.querySelector(`input[type=radio][name="${e.name}"][data-pm-key]`)?.dataset.pmKey ?? '')
                : (e.dataset.pmKey ?? '');
            const label = (e.getAttribute('aria-label') || e.innerText || e.value || e.name || '').trim().slice(0, 40);
            const what = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${label}"`;
            return { key, what, ring, onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth };
        }
        """;

    private sealed record Focus(string Key, string What, bool Ring, bool OnScreen);

    private static async Task<Focus> FocusedAsync(IPage page)
    {
        var f = await page.EvaluateAsync<JsonElement>(Focused);
        return new Focus(f.GetProperty("key").GetString()!, f.GetProperty("what").GetString()!, f.GetProperty("ring").GetBoolean(),
            f.GetProperty("onScreen").GetBoolean());
    }

    private static async Task<IPage> SignedInPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        return page;
    }

    private Task<IBrowserContext> NewContextAsync() => host.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = host.BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "en-GB",
        // Bootstrap scrolls smoothly unless the user asks for less motion; the check reads where focus lands, not mid-scroll.
        ReducedMotion = ReducedMotion.Reduce,
    });

    [BrowserFact]
    public async Task Tab_reaches_every_control_of_the_job_screen_with_a_visible_focus_and_the_photo_viewer_returns_focus()
    {
        var jobId = await host.Factory.WithDbAsync(db => db.Jobs.Where(j => j.VehicleIn && j.Status == JobStatus.InRepair && j.OwnerId != null)
            .OrderBy(j => j.Number).Select(j => j.Id).FirstAsync());
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context);
        await page.GotoAsync($"/jobs/{jobId}");
        await page.GetByLabel("Add photos").SetInputFilesAsync(new FilePayload { Name = "front-left.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Assertions.Expect(page.GetByTestId("photo")).ToHaveCountAsync(1);
        await page.GotoAsync($"/jobs/{jobId}");

        var controls = await page.EvaluateAsync<int>(MarkControls);
        Assert.True(controls > 30, $"only {controls} controls found on the job screen");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var presses = 0; presses < controls * 2 && reached.Count < controls; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await FocusedAsync(page);
            if (focus.Key.Length == 0)
            {
                continue;
            }

            reached.Add(focus.Key);
            if (!focus.Ring || !focus.OnScreen)
            {
                problems.Add($"{focus.What}: {(focus.Ring ? string.Empty : "no focus ring ")}{(focus.OnScreen ? string.Empty : "not on screen")}");
            }
        }

        var missed = await page.EvaluateAsync<string[]>(
            "keys => [...document.querySelectorAll('[data-pm-key]')].filter(e => !keys.includes(e.dataset.pmKey)).map(e => e.outerHTML.slice(0, 120))",
            reached.ToArray());
        Assert.True(missed.Length == 0, "Not reached with Tab:\n" + string.Join("\n", missed));
        Assert.True(problems.Count == 0, "Focus not visible:\n" + string.Join("\n", problems.Distinct()));

        // The photo viewer from the keyboard: Enter opens it, Tab stays inside, Escape closes it and focus goes back.
        var thumbnail = page.GetByRole(AriaRole.Link, new() { Name = "View photo front-left.jpg" });
        await thumbnail.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var viewer = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(viewer).ToBeVisibleAsync();
        await Assertions.Expect(viewer).ToBeFocusedAsync();
        await AssertFocusStaysInsideAsync(page, "#photo-viewer");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(viewer).ToBeHiddenAsync();
        await Assertions.Expect(thumbnail).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task The_deny_dialog_of_the_CAPS_queue_traps_focus_and_gives_it_back_to_its_button()
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context);
        await page.GotoAsync("/job-queue/caps");
        var deny = page.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = false }).Filter(new() { HasText = "Deny" }).First;
        await Assertions.Expect(deny).ToBeVisibleAsync();
        await deny.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("Reason")).ToBeFocusedAsync();
        await AssertFocusStaysInsideAsync(page, "#deny-dialog");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(deny).ToBeFocusedAsync();
    }

    /// <summary>Twice round the dialog forwards and backwards: the focus never leaves it, and always shows.</summary>
    private static async Task AssertFocusStaysInsideAsync(IPage page, string dialogSelector)
    {
        foreach (var key in new[] { "Tab", "Shift+Tab" })
        {
            for (var i = 0; i < 8; i++)
            {
                await page.Keyboard.PressAsync(key);
                var inside = await page.EvaluateAsync<bool>("s => document.querySelector(s).contains(document.activeElement)", dialogSelector);
                Assert.True(inside, $"{key} #{i + 1} left the dialog {dialogSelector} for {(await FocusedAsync(page)).What}");
            }
        }
    }

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(800, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Color = new SKColor(0x1D, 0x4E, 0xD8) };
            canvas.DrawRect(0, 0, 800, 600, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
