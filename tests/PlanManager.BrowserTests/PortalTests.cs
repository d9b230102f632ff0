using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Domain;
using SkiaSharp;

namespace PlanManager.BrowserTests;

/// <summary>A customer on a phone: books an estimate with a photo, adds a photo with plate + job number, views the status, books the repair.</summary>
public sealed class PortalTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    /// <summary>The texts the customer reads, in the language of the run.</summary>
    private sealed record Texts(string Culture, string Language, string Estimate, string Repair, string Status, string Photos,
        string Name, string Email, string Plate, string Damage, string DamagePhotos, string Slot, string Book, string JobNumber,
        string Next, string ChoosePhotos, string Send, string ExistingJob, string Thanks, string StatusText);

    private static readonly Texts English = new("en-GB", "English", "Make appointment for estimate", "Make appointment for repair", "View repair status",
        "Add pictures",
        "Name", "E-mail", "Registration plate", "Description of the damage", "Photos of the damage", "Day and time", "Book appointment", "Job number",
        "Next", "Choose photos", "Send photos", "I already have a job number", "Thank you", "New");

    private static readonly Texts Dutch = new("nl-BE", "Nederlands", "Afspraak voor bestek", "Afspraak voor herstelling", "Status herstelling bekijken",
        "Foto's toevoegen",
        "Naam", "E-mail", "Nummerplaat", "Beschrijving van de schade", "Foto's van de schade", "Dag en uur", "Afspraak maken", "Dossiernummer",
        "Volgende", "Kies foto's", "Foto's versturen", "Ik heb al een dossiernummer", "Dank u", "Nieuw");

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(1200, 900);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Color = new SKColor(0xCB, 0xD5, 0xE1) };
            using var car = new SKPaint { Color = new SKColor(0x0F, 0x76, 0x6E), IsAntialias = true };
            canvas.DrawRect(0, 0, 1200, 900, sky);
            canvas.DrawRoundRect(180, 400, 840, 230, 40, 40, car);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} is wider than the phone");

    [BrowserFact]
    public async Task A_customer_on_a_phone_books_an_estimate_adds_a_photo_views_the_status_and_books_the_repair()
    {
        var repairerId = await host.Factory.WithDbAsync(db => db.Repairers.Where(r => r.Name == "Carrosserie Janssens").Select(r => r.Id).SingleAsync());
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();

        await RunAsync(page, repairerId, English, "1-WEB-390", slotIndex: 2);

        await page.GotoAsync($"/portal/{repairerId}");
        await page.GetByLabel("Language").SelectOptionAsync("nl-BE");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Dutch.Estimate }).First).ToBeVisibleAsync();
        await RunAsync(page, repairerId, Dutch, "1-WEB-391", slotIndex: 3);
    }

    private async Task RunAsync(IPage page, int repairerId, Texts t, string plate, int slotIndex)
    {
        var lang = t.Culture[..2];
        await page.GotoAsync($"/portal/{repairerId}");
        await Assertions.Expect(page.GetByTestId("portal-repairer")).ToHaveTextAsync("Carrosserie Janssens");
        await page.ScreenshotAsync(new() { Path = Shot($"portal-home-{lang}-390.png"), FullPage = true });
        await AssertFitsAsync(page);

        // P1: estimate with a photo.
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = t.Estimate }).ClickAsync();
        await page.GetByLabel(t.Plate).FillAsync(plate);
        await page.GetByLabel(t.Name).FillAsync("Sofie Peeters");
        await page.GetByLabel(t.Email).FillAsync("sofie@example.be");
        await page.GetByLabel(t.Damage).FillAsync("Dent in the rear door");
        await page.GetByLabel(t.DamagePhotos).SetInputFilesAsync(new FilePayload { Name = "damage.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await page.GetByLabel(t.Slot).SelectOptionAsync(new SelectOptionValue { Index = slotIndex });
        await page.ScreenshotAsync(new() { Path = Shot($"portal-estimate-{lang}-390.png"), FullPage = true });
        await AssertFitsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = t.Book }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-done")).ToContainTextAsync(t.Thanks);
        await page.ScreenshotAsync(new() { Path = Shot($"portal-estimate-booked-{lang}-390.png"), FullPage = true });

        // A new customer's booking is a request: the receptionist confirms it, which opens the job (issue 16).
        Assert.False(await host.Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Registration == plate)));
        await ConfirmRequestAsStaffAsync(repairerId, plate, lang);
        var job = await host.Factory.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Registration == plate));
        var number = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // P4: a photo with plate + job number.
        await page.GetByRole(AriaRole.Link, new() { Name = t.Photos }).First.ClickAsync();
        await page.GetByLabel(t.Plate).FillAsync(plate.ToLowerInvariant());
        await page.GetByLabel(t.JobNumber).FillAsync(number);
        await page.ScreenshotAsync(new() { Path = Shot($"portal-photos-{lang}-390.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = t.Next }).ClickAsync();
        await page.GetByLabel(t.ChoosePhotos).SetInputFilesAsync(new FilePayload { Name = "close-up.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await page.ScreenshotAsync(new() { Path = Shot($"portal-photos-step2-{lang}-390.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = t.Send }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-done")).ToContainTextAsync(t.Thanks);
        Assert.Equal(2, await host.Factory.WithDbAsync(db => db.JobPhotos.CountAsync(p => p.JobId == job.Id && p.Source == PhotoSource.Portal)));

        // Back from the thank-you page: step 1 again (a page of its own), no form to send again, nothing stored twice.
        var back = await page.GoBackAsync();
        Assert.Equal(200, back?.Status);
        await Assertions.Expect(page.GetByLabel(t.Plate)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"portal-photos-back-{lang}-390.png"), FullPage = true });
        Assert.Equal(2, await host.Factory.WithDbAsync(db => db.JobPhotos.CountAsync(p => p.JobId == job.Id && p.Source == PhotoSource.Portal)));

        // P3: the status.
        await page.GetByRole(AriaRole.Link, new() { Name = t.Status }).First.ClickAsync();
        await page.GetByLabel(t.Plate).FillAsync(plate);
        await page.GetByLabel(t.JobNumber).FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = t.Next }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-status")).ToContainTextAsync(t.StatusText);
        await page.ScreenshotAsync(new() { Path = Shot($"portal-status-{lang}-390.png"), FullPage = true });
        await AssertFitsAsync(page);

        // P2: the repair, for this job.
        await page.GetByRole(AriaRole.Link, new() { Name = t.Repair }).First.ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = t.ExistingJob }).CheckAsync();
        await Assertions.Expect(page.GetByLabel(t.Name)).ToBeHiddenAsync();
        await page.GetByLabel(t.Plate).FillAsync(plate);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t.JobNumber }).FillAsync(number);
        await page.GetByLabel(t.Slot).SelectOptionAsync(new SelectOptionValue { Index = slotIndex + 10 });
        await page.ScreenshotAsync(new() { Path = Shot($"portal-repair-{lang}-390.png"), FullPage = true });
        await AssertFitsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = t.Book }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-done")).ToContainTextAsync(number);
        Assert.Equal(2, await host.Factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.JobId == job.Id)));
    }

    /// <summary>The receptionist at her desk finds the request under "To be confirmed" and confirms it.</summary>
    private async Task ConfirmRequestAsStaffAsync(int repairerId, string plate, string lang)
    {
        await using var desk = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await desk.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync($"/appointments?repairerId={repairerId}");
        var request = page.GetByTestId("appointment-requests").GetByTestId("appointment-request").Filter(new() { HasText = plate });
        await Assertions.Expect(request).ToContainTextAsync("To be confirmed");
        await Assertions.Expect(request.GetByRole(AriaRole.Link, new() { Name = "damage.jpg" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"appointments-request-{lang}-1280.png"), FullPage = true });
        await request.GetByRole(AriaRole.Button, new() { Name = "Confirm and open job" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The booking is confirmed and job");
        await page.ScreenshotAsync(new() { Path = Shot($"appointments-request-confirmed-{lang}-1280.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task Staff_see_the_weeks_appointments_confirm_one_and_see_the_portal_photo_notice_on_the_job()
    {
        var (repairerId, jobId, day) = await host.Factory.WithDbAsync(async db =>
        {
            var repairer = await db.Repairers.Where(r => r.Name == "Garage Dubois Carrosserie").Select(r => r.Id).SingleAsync();
            var today = host.Factory.DisplayTime.Today();
            var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
            var now = DateTimeOffset.UtcNow;
            Job? first = null;
            var customers = new[] { ("Emma Claes", "1-TVB-392", 0, 9), ("Arthur Maes", "1-PZN-245", 0, 11), ("Noor De Smet", "2-HGM-771", 2, 14),
                ("Lucas Peeters", "2-ALP-118", 3, 8) };
            var number = 500;
            foreach (var (name, plate, offset, hour) in customers)
            {
                var job = new JobBuilder().Number(++number).Repairer(repairer).Plate(plate).Source(JobSource.Portal).PortalPhotos(now).Build();
                var start = host.Factory.DisplayTime.At(monday.AddDays(offset), new TimeOnly(hour, 0));
                db.Appointments.Add(new Appointment { RepairerId = repairer, Job = job, Kind = offset == 0 ? AppointmentKind.Estimate : AppointmentKind.Repair,
                    Start = start, Place = 1, CustomerName = name, Phone = "+32 470 00 00 0" + number % 10,
                    Message = offset == 0 ? "Scratch on the bonnet" : null, CreatedAt = now, UpdatedAt = now });
                first ??= job;
            }

            await db.SaveChangesAsync();
            return (repairer, first!.Id, monday);
        });
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Job" })
            .Or(page.GetByRole(AriaRole.Link, new() { Name = "Job", Exact = true })).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Appointments" }).ClickAsync();
        await page.GotoAsync($"/appointments?repairerId={repairerId}&date={day:yyyy-MM-dd}&view=week");
        var rows = page.GetByTestId("appointment");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await rows.Filter(new() { HasText = "Emma Claes" }).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The appointment was confirmed.");
        await Assertions.Expect(rows.Filter(new() { HasText = "Emma Claes" })).ToContainTextAsync("Confirmed");
        await page.ScreenshotAsync(new() { Path = Shot("appointments-week-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("appointments-week-800.png"), FullPage = true });
        await AssertFitsAsync(page);

        await page.GotoAsync($"/jobs/{jobId}");
        await Assertions.Expect(page.GetByTestId("portal-photo-notice")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("job-portal-photo-notice-800.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as seen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-photo-notice")).ToHaveCountAsync(0);
    }
}
