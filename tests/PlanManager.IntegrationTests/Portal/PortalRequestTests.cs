using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.IntegrationTests.Portal;

/// <summary>A new customer's booking is a request (issue 16): staff confirm it, which opens the job, or reject it.</summary>
public sealed class PortalRequestTests(PortalFactory factory) : PortalTestBase<PortalFactory>(factory)
{
    private const string Janssens = "Carrosserie Janssens";

    [Fact]
    public async Task Booking_an_estimate_is_a_request_until_staff_confirm_it_which_opens_the_portal_job_with_owner_and_photos()
    {
        var id = await RepairerIdAsync(Janssens);
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/estimate"))[3];
        var jobsBefore = await Factory.WithDbAsync(db => db.Jobs.CountAsync());

        using var response = await BookAsync(Customer, id, "estimate", new Dictionary<string, string>
        {
            ["Form.Name"] = "Sofie Peeters",
            ["Form.Email"] = "sofie@example.be",
            ["Form.Registration"] = "1-ptl-401",
            ["Form.Message"] = "Dent in the rear door",
            ["Form.Slot"] = slot,
        }, TestPhotos.Jpeg());

        // The customer is told the day and time; there is no job (and no number) until the bodyshop confirms.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/portal/{id}/booked", response.Headers.Location!.OriginalString);
        var done = (await Customer.GetPageAsync(response.Headers.Location.OriginalString)).QuerySelector("[data-testid=portal-done]")!.TextContent;
        var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(slot, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(Factory.DisplayTime.Local(start).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), done, StringComparison.Ordinal);
        Assert.Contains("request for an estimate", done, StringComparison.Ordinal);
        Assert.Equal(jobsBefore, await Factory.WithDbAsync(db => db.Jobs.CountAsync()));
        var request = await Factory.WithDbAsync(db => db.Appointments.Include(a => a.HeldPhotos).SingleAsync(a => a.Registration == "1-PTL-401"));
        Assert.Null(request.JobId);
        Assert.Equal(AppointmentStatus.Requested, request.Status);
        Assert.Equal(start, request.Start);
        Assert.Single(request.HeldPhotos);

        // Staff see it under "to be confirmed", look at the photo, and confirm it.
        var staff = new HtmlClient(Factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var appointments = await staff.GetPageAsync($"/appointments?repairerId={id}");
        var row = Assert.Single(appointments.QuerySelectorAll("[data-testid=appointment-requests] [data-testid=appointment-request]"),
            r => r.TextContent.Contains("Sofie Peeters", StringComparison.Ordinal));
        Assert.Contains("1-PTL-401", row.TextContent, StringComparison.Ordinal);
        var photoLink = row.QuerySelector("a[href*='/photos/']")!.GetAttribute("href")!;
        using (var photo = await staff.Http.GetAsync(photoLink))
        {
            Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        }

        using (var anonymous = await Customer.Http.GetAsync(photoLink))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        }

        var confirm = $"form[action='/appointments/{request.Id}/confirm']";
        Assert.NotNull(row.QuerySelector(confirm));
        var confirmed = await PostAsync(staff, appointments, confirm);
        var job = await Factory.WithDbAsync(db => db.Jobs.Include(j => j.Owner).SingleAsync(j => j.Registration == "1-PTL-401"));
        Assert.Contains(job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            confirmed, StringComparison.Ordinal);
        Assert.Equal(JobSource.Portal, job.Source);
        Assert.Equal(JobStatus.New, job.Status);
        Assert.Equal(id, job.RepairerId);
        Assert.Equal("Dent in the rear door", job.CommentsDamage);
        Assert.Equal("Sofie Peeters", job.Owner!.Name);
        Assert.NotNull(job.PortalPhotosAddedAt);
        var appointment = await Factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.JobId == job.Id));
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Empty(await Factory.WithDbAsync(db => db.HeldPhotos.Where(p => p.AppointmentId == appointment.Id).ToListAsync()));
        var moved = await Factory.WithDbAsync(db => db.JobPhotos.SingleAsync(p => p.JobId == job.Id));
        Assert.Equal(PhotoSource.Portal, moved.Source);
        Assert.Equal(request.HeldPhotos[0].StoredName, moved.StoredName);

        // The photo is the job's now, and its thumbnail is made in the background.
        using (var original = await staff.Http.GetAsync($"/jobs/{job.Id}/photos/{moved.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        }

        await WaitForThumbnailAsync(moved.Id);
        var list = await staff.GetPageAsync("/jobs?q=1-PTL-401");
        Assert.Contains("1-PTL-401", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var screen = await staff.GetPageAsync($"/jobs/{job.Id}");
        Assert.NotNull(screen.QuerySelector("[data-testid=portal-photo-notice]"));
        var week = await staff.GetPageAsync($"/appointments?repairerId={id}&date={DisplayDate(appointment.Start)}&view=week");
        Assert.Contains(week.QuerySelectorAll("[data-testid=appointment]"), a => a.TextContent.Contains("Sofie Peeters", StringComparison.Ordinal)
            && a.TextContent.Contains(job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // A second tab confirming the same request opens nothing more.
        Assert.Contains("already confirmed or denied", await PostAsync(staff, appointments, confirm), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.Registration == "1-PTL-401")));
    }

    [Fact]
    public async Task Rejecting_a_request_gives_the_place_back_removes_its_photos_and_opens_no_job()
    {
        var id = await RepairerIdAsync(Janssens);
        await SetCapacityAsync(id, 1);
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/estimate"))[8];
        using var response = await BookAsync(Customer, id, "estimate", new Dictionary<string, string>
        {
            ["Form.Name"] = "Spam Bot",
            ["Form.Email"] = "bot@example.com",
            ["Form.Registration"] = "1-REJ-900",
            ["Form.Slot"] = slot,
        }, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(slot, Slots(await Customer.GetPageAsync($"/portal/{id}/estimate")));
        var request = await Factory.WithDbAsync(db => db.Appointments.Include(a => a.HeldPhotos).SingleAsync(a => a.Registration == "1-REJ-900"));
        var stored = Assert.Single(request.HeldPhotos).StoredName;
        Assert.True(await PhotoStoredAsync(stored));

        var staff = new HtmlClient(Factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var appointments = await staff.GetPageAsync($"/appointments?repairerId={id}");
        var reject = $"[data-testid=appointment-requests] form[action='/appointments/{request.Id}/cancel']";
        Assert.NotNull(appointments.QuerySelector(reject + "[data-confirm]"));

        Assert.Contains("The booking is denied", await PostAsync(staff, appointments, reject), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled,
            await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Registration == "1-REJ-900").Select(a => a.Status).SingleAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.HeldPhotos.AnyAsync(p => p.StoredName == stored)));
        Assert.False(await PhotoStoredAsync(stored));
        Assert.False(await Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Registration == "1-REJ-900")));
        Assert.Contains(slot, Slots(await Customer.GetPageAsync($"/portal/{id}/estimate")));
        await SetCapacityAsync(id, 2);
    }

    /// <summary>Submits a form of a staff page and returns the message shown after the redirect.</summary>
    private static async Task<string> PostAsync(HtmlClient staff, AngleSharp.Html.Dom.IHtmlDocument page, string formSelector)
    {
        using var response = await staff.SubmitPageAsync(page, "/appointments", formSelector, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = await staff.GetPageAsync(response.Headers.Location!.OriginalString);
        return next.QuerySelector(".alert")?.TextContent.Trim() ?? string.Empty;
    }

    private async Task<bool> PhotoStoredAsync(string name)
    {
        await using var file = await Factory.Services.GetRequiredService<IPhotoStorage>().OpenReadAsync(name, CancellationToken.None);
        return file is not null;
    }

    /// <summary>The background queue makes the thumbnail soon after the photo is committed; a request never waits for it.</summary>
    private async Task WaitForThumbnailAsync(int photoId)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await Factory.WithDbAsync(db => db.JobPhotos.Where(p => p.Id == photoId)
                .Select(p => p.ThumbnailName != null && !p.ThumbnailPending).SingleAsync()))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No thumbnail for photo {photoId} after 10 seconds");
    }

    private string DisplayDate(DateTimeOffset at) =>
        Factory.DisplayTime.DayOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
