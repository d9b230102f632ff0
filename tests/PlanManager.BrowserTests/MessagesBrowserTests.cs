using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;

namespace PlanManager.BrowserTests;

/// <summary>
/// The embedded demo has no mail server: a customer books on the portal in Dutch, and Support finds the
/// booking's message under Administration &gt; Messages, marked "not sent", reads it and opens the templates.
/// </summary>
public sealed class MessagesBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    [BrowserFact]
    public async Task A_portal_booking_ends_as_a_message_support_reads_under_administration_messages()
    {
        var repairerId = await host.Factory.WithDbAsync(db => db.Repairers.Where(r => r.Name == "Carrosserie Janssens").Select(r => r.Id).SingleAsync());
        await using var customer = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            Locale = "nl-BE",
        });
        var phone = await customer.NewPageAsync();
        await phone.GotoAsync($"/portal/{repairerId}/estimate");
        await phone.GetByLabel("Nummerplaat").FillAsync("1-MAI-201");
        await phone.GetByLabel("Naam").FillAsync("Lotte De Smet");
        await phone.GetByLabel("E-mail").FillAsync("lotte.desmet@example.be");
        await phone.GetByLabel("Dag en uur").SelectOptionAsync(new SelectOptionValue { Index = 4 });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Afspraak maken" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("portal-done")).ToContainTextAsync("Dank u");

        await using var office = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await office.NewPageAsync();
        await page.GotoAsync("/administration");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.SupportEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Administration" })
            .Or(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Messages", Exact = true }).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Messages" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("no-mail-server")).ToBeVisibleAsync();
        var row = page.GetByTestId("message-row").Filter(new() { HasText = "lotte.desmet@example.be" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("message-status")).ToHaveTextAsync("Not sent: no mail server configured");
        await Assertions.Expect(row).ToContainTextAsync("We hebben uw afspraak ontvangen");
        await page.ScreenshotAsync(new() { Path = Shot("messages-list-en-1280.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("message-text")).ToContainTextAsync("Beste Lotte De Smet,");
        await Assertions.Expect(page.FrameLocator("[data-testid=message-html]").Locator("body")).ToContainTextAsync("Carrosserie Janssens");
        await page.ScreenshotAsync(new() { Path = Shot("messages-show-en-1280.png"), FullPage = true });

        // The preview renders on a real job of the repairer.
        await host.Factory.WithDbAsync(async db =>
        {
            db.Jobs.Add(new JobBuilder().Number(9501).Repairer(repairerId).Plate("1-MAI-202").Make("Volvo", "XC40")
                .Owner(PartyBuilder.Owner("Lotte De Smet")).Build());
            await db.SaveChangesAsync();
        });
        await page.GotoAsync($"/administration/messages/templates?repairerId={repairerId}&kind=CarReady&language=nl&culture=nl-BE&ui-culture=nl-BE");
        await Assertions.Expect(page.GetByTestId("template-origin")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-text")).ToContainTextAsync("Carrosserie Janssens");
        await page.ScreenshotAsync(new() { Path = Shot("messages-templates-nl-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("messages-templates-nl-390.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the templates page is wider than a phone");
    }
}
