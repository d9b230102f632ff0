using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanManager.BrowserTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using SkiaSharp;

namespace PlanManager.BrowserTests;

/// <summary>The workshop manager's round: the cars inside, marking finished ones off site, photos on a job.</summary>
public sealed class WorkshopAndPhotoTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly (string Plate, string Make, string Model, JobStatus Status, int DaysIn, string Owner)[] Cars =
    [
        ("1-KDR-604", "Volkswagen", "Golf 1.5 TSI", JobStatus.InRepair, 6, "Sofie Peeters"),
        ("2-ALP-118", "BMW", "X1 sDrive18i", JobStatus.Ready, 9, "Lucas Janssens"),
        ("1-TVB-392", "Renault", "Clio TCe 90", JobStatus.Delivered, 21, "Emma Claes"),
        ("LR19 KXE", "Ford", "Focus ST-Line", JobStatus.Approved, 2, "Oliver Wright"),
        ("2-HGM-771", "Toyota", "Yaris Cross Hybrid", JobStatus.Invoiced, 34, "Noor De Smet"),
        ("1-PZN-245", "Peugeot", "208 PureTech", JobStatus.InRepair, 4, "Arthur Maes"),
    ];

    private async Task<int> SeedAsync()
    {
        return await host.Factory.WithDbAsync(async db =>
        {
            var repairers = await db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            var number = 100;
            int? firstId = null;
            foreach (var (car, index) in Cars.Select((c, i) => (c, i)))
            {
                var job = new JobBuilder().Number(++number).Repairer(repairers[index % repairers.Count]).Plate(car.Plate).Make(car.Make, car.Model)
                    .Status(car.Status).Owner(PartyBuilder.Owner(car.Owner)).Completion(DateOnly.FromDateTime(now.AddDays(index - 2).Date))
                    .Created(now.AddDays(-car.DaysIn - 1)).InsideSince(now.AddDays(-car.DaysIn)).Build();
                db.Jobs.Add(job);
                await db.SaveChangesAsync();
                firstId ??= job.Id;
            }

            await db.JobNumberCounters.Where(c => c.Name == JobNumberCounter.JobsName)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastValue, number));
            return firstId!.Value;
        });
    }

    private static byte[] Photo(SKColor body)
    {
        using var bitmap = new SKBitmap(1200, 900);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Color = new SKColor(0xCB, 0xD5, 0xE1) };
            using var car = new SKPaint { Color = body, IsAntialias = true };
            using var wheel = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawRect(0, 0, 1200, 900, sky);
            canvas.DrawRoundRect(180, 400, 840, 230, 40, 40, car);
            canvas.DrawRoundRect(360, 260, 420, 180, 40, 40, car);
            canvas.DrawCircle(360, 650, 80, wheel);
            canvas.DrawCircle(840, 650, 80, wheel);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static string Shot(string name) => Path.Combine(BrowserHost.ScreenshotFolder, name);

    [BrowserFact]
    public async Task Workshop_manager_marks_finished_cars_off_site_and_adds_photos_to_a_job()
    {
        var jobId = await SeedAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(DemoDataSeeder.StaffEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Job > Vehicles inside
        await page.GetByRole(AriaRole.Button, new() { Name = "Job" })
            .Or(page.GetByRole(AriaRole.Link, new() { Name = "Job", Exact = true })).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Vehicles inside" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vehicles inside" })).ToBeVisibleAsync();
        var rows = page.GetByTestId("inside-row");
        await Assertions.Expect(rows).ToHaveCountAsync(Cars.Length);
        await Assertions.Expect(page.GetByTestId("finished-flag")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Shot("vehicles-inside-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("vehicles-inside-800.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than a tablet");
        await page.SetViewportSizeAsync(1280, 900);

        // Nothing ticked: told so at once, no question asked.
        var questions = 0;
        page.Dialog += (_, _) => questions++;
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark selected off site" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Select at least one car.")).ToBeVisibleAsync();
        Assert.Equal(0, questions);

        await page.GetByRole(AriaRole.Button, new() { Name = "Select finished jobs" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark selected off site" }).ClickAsync();
        Assert.Equal(1, questions);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 car(s) marked off site.");
        await Assertions.Expect(rows).ToHaveCountAsync(Cars.Length - 2);
        await Assertions.Expect(page.GetByTestId("finished-flag")).ToHaveCountAsync(0);

        // Photos on the first job, through the plain file button.
        await page.GotoAsync($"/jobs/{jobId}");
        await page.GetByLabel("Add photos").SetInputFilesAsync(
        [
            new FilePayload { Name = "front-left.jpg", MimeType = "image/jpeg", Buffer = Photo(new SKColor(0xB9, 0x1C, 0x1C)) },
            new FilePayload { Name = "rear-bumper.jpg", MimeType = "image/jpeg", Buffer = Photo(new SKColor(0x1D, 0x4E, 0xD8)) },
        ]);
        var thumbnails = page.GetByTestId("photo").GetByRole(AriaRole.Img);
        await Assertions.Expect(thumbnails).ToHaveCountAsync(2);
        await Assertions.Expect(thumbnails.First).ToBeVisibleAsync();
        // The thumbnail is fetched after the element appears: wait for the image itself, not a moment.
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await thumbnails.First.ElementHandleAsync(), new() { Timeout = 15000 });
        Assert.True(await thumbnails.First.EvaluateAsync<int>("img => img.naturalWidth") is > 0, "the thumbnail did not load");
        await Assertions.Expect(page.GetByTestId("job-log")).ToContainTextAsync("Photo added: rear-bumper.jpg");
        await page.ScreenshotAsync(new() { Path = Shot("job-with-photos-1280.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "View photo front-left.jpg" }).ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(viewer).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Img, new() { Name = "front-left.jpg" })).ToBeVisibleAsync();
        // Bootstrap focuses the dialog once its fade-in has finished.
        await Assertions.Expect(viewer).ToBeFocusedAsync();
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "rear-bumper.jpg" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("photo-viewer-1280.png") });
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(viewer).ToBeHiddenAsync();

        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new() { Path = Shot("job-with-photos-800.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than a tablet");
    }
}
