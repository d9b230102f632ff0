using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Portal;

/// <summary>The app with lookup limits high enough that only the rate-limit tests meet them.</summary>
public class PortalFactory : PlanManagerFactory
{
    protected virtual int LookupsPerClient => 1000;
    protected virtual int LookupsPerPlate => 1000;
    protected virtual bool TrustForwardedHeaders => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:LookupsPerClient", LookupsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:LookupsPerPlate", LookupsPerPlate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Proxy:TrustForwardedHeaders", TrustForwardedHeaders ? "true" : "false");
    }
}

/// <summary>A customer on the portal: anonymous, with cookies (antiforgery) like a phone's browser.</summary>
public abstract class PortalTestBase<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PlanManagerFactory
{
    private static int _nextNumber = 8000;

    protected TFactory Factory { get; } = factory;
    protected HtmlClient Customer { get; } = new(factory.CreateBrowserLikeClient());

    protected Task<int> RepairerIdAsync(string name) =>
        Factory.WithDbAsync(db => db.Repairers.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    protected async Task<Job> NewJobAsync(int repairerId, string plate, Func<JobBuilder, JobBuilder>? arrange = null)
    {
        return await Factory.WithDbAsync(async db =>
        {
            var builder = new JobBuilder().Number(Interlocked.Increment(ref _nextNumber)).Repairer(repairerId).Plate(plate);
            var job = (arrange?.Invoke(builder) ?? builder).Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job;
        });
    }

    protected Task SetCapacityAsync(int repairerId, int capacity) => Factory.WithDbAsync(async db =>
    {
        var schedule = await db.AppointmentSchedules.SingleOrDefaultAsync(s => s.RepairerId == repairerId);
        if (schedule is null)
        {
            schedule = new AppointmentSchedule { RepairerId = repairerId };
            db.AppointmentSchedules.Add(schedule);
        }

        schedule.Capacity = capacity;
        await db.SaveChangesAsync();
    });

    /// <summary>The slots the booking form offers, as their form values.</summary>
    protected static List<string> Slots(IHtmlDocument page) =>
        page.QuerySelectorAll("select[name='Form.Slot'] option").Select(o => o.GetAttribute("value") ?? string.Empty).Where(v => v.Length > 0).ToList();

    /// <summary>Posts the booking form as the browser does (multipart for the estimate, with its photos).</summary>
    protected async Task<HttpResponseMessage> BookAsync(HtmlClient client, int repairerId, string kind, IDictionary<string, string> fields,
        params byte[][] photos)
    {
        var url = $"/portal/{repairerId}/{kind}";
        var page = await client.GetPageAsync(url);
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "#portal-appointment-form")),
            "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var index = 0;
        foreach (var photo in photos)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
            form.Add(file, "files", $"damage-{++index}.jpg");
        }

        return await client.Http.PostAsync(url, form);
    }

    /// <summary>Step 1 of "add photos": plate and job number; the portal redirects to step 2 (the upload form with its ticket).</summary>
    protected static async Task<(IHtmlDocument Page, string Ticket)> PhotoStepTwoAsync(HtmlClient client, int repairerId, string registration, int jobNumber)
    {
        using var lookup = await client.SubmitAsync($"/portal/{repairerId}/photos", "#portal-photos-form", new Dictionary<string, string>
        {
            ["Form.Registration"] = registration,
            ["Form.JobNumber"] = jobNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, lookup.StatusCode);
        Assert.Equal($"/portal/{repairerId}/photos", lookup.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync($"/portal/{repairerId}/photos");
        return (page, page.QuerySelector("#portal-upload-form input[name=ticket]")!.GetAttribute("value")!);
    }

    /// <summary>Step 2 of "add photos": posts the files with the ticket the lookup gave.</summary>
    protected Task<HttpResponseMessage> UploadAsync(int repairerId, IHtmlDocument step2, string ticket, params byte[][] photos) =>
        UploadAsync(Customer, repairerId, step2, ticket, photos);

    protected static async Task<HttpResponseMessage> UploadAsync(HtmlClient client, int repairerId, IHtmlDocument step2, string ticket, params byte[][] photos)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlClient.Token(step2, "#portal-upload-form")), "__RequestVerificationToken" },
            { new StringContent(ticket), "ticket" },
        };
        var index = 0;
        foreach (var photo in photos)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
            form.Add(file, "files", $"photo-{++index}.jpg");
        }

        return await client.Http.PostAsync($"/portal/{repairerId}/photos/upload", form);
    }

    protected static async Task<IHtmlDocument> PageOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlClient.Parse(await response.Content.ReadAsStringAsync());
    }

    protected static string ErrorsOf(IHtmlDocument page) => page.QuerySelector("[data-testid=portal-errors]")?.TextContent.Trim() ?? string.Empty;
}
