using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.IntegrationTests.Portal;

/// <summary>The Self Service Portal's four flows (P1 to P4) end to end on the database, and what the portal refuses.</summary>
public sealed class PortalFlowTests(PortalFactory factory) : PortalTestBase<PortalFactory>(factory)
{
    private const string Janssens = "Carrosserie Janssens";

    [Fact]
    public async Task The_portal_home_shows_the_repairers_name_and_address_and_the_four_buttons()
    {
        var id = await RepairerIdAsync(Janssens);
        var page = await Customer.GetPageAsync($"/portal/{id}");

        Assert.Contains("Carrosserie Janssens", page.QuerySelector("[data-testid=portal-repairer]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Industrieweg 12", page.Body!.TextContent, StringComparison.Ordinal);
        var buttons = page.QuerySelectorAll("main a.btn").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Make appointment for estimate", "Make appointment for repair", "View repair status", "Add pictures"], buttons);
    }

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
        Assert.Contains("already confirmed or rejected", await PostAsync(staff, appointments, confirm), StringComparison.Ordinal);
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

        Assert.Contains("The booking is rejected", await PostAsync(staff, appointments, reject), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Registration == "1-REJ-900").Select(a => a.Status).SingleAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.HeldPhotos.AnyAsync(p => p.StoredName == stored)));
        Assert.False(await PhotoStoredAsync(stored));
        Assert.False(await Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Registration == "1-REJ-900")));
        Assert.Contains(slot, Slots(await Customer.GetPageAsync($"/portal/{id}/estimate")));
        await SetCapacityAsync(id, 2);
    }

    [Fact]
    public async Task Booking_a_repair_for_an_existing_job_adds_the_appointment_to_that_job_only()
    {
        var id = await RepairerIdAsync(Janssens);
        var job = await NewJobAsync(id, "1-RPR-552");
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/repair"))[5];
        var jobsBefore = await Factory.WithDbAsync(db => db.Jobs.CountAsync());

        using var response = await BookAsync(Customer, id, "repair", new Dictionary<string, string>
        {
            ["Form.ExistingJob"] = "true",
            ["Form.Registration"] = "1 rpr 552",
            ["Form.JobNumber"] = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Slot"] = slot,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(jobsBefore, await Factory.WithDbAsync(db => db.Jobs.CountAsync()));
        var appointment = await Factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.JobId == job.Id));
        Assert.Equal(AppointmentKind.Repair, appointment.Kind);
    }

    [Fact]
    public async Task Booking_a_repair_as_a_new_customer_is_a_request_without_a_job()
    {
        var id = await RepairerIdAsync(Janssens);
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/repair"))[6];

        using var response = await BookAsync(Customer, id, "repair", new Dictionary<string, string>
        {
            ["Form.ExistingJob"] = "false",
            ["Form.Name"] = "Lucas Janssens",
            ["Form.Phone"] = "+32 470 12 34 56",
            ["Form.Registration"] = "2-NEW-771",
            ["Form.Slot"] = slot,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Registration == "2-NEW-771")));
        var request = await Factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Registration == "2-NEW-771"));
        Assert.Equal((AppointmentKind.Repair, AppointmentStatus.Requested, (int?)null, "Lucas Janssens"), (request.Kind, request.Status, request.JobId, request.CustomerName));
    }

    [Fact]
    public async Task A_booking_without_contact_details_or_slot_is_refused_and_saves_nothing()
    {
        var id = await RepairerIdAsync(Janssens);
        var before = await Factory.WithDbAsync(db => db.Appointments.CountAsync());

        using var response = await BookAsync(Customer, id, "estimate", new Dictionary<string, string> { ["Form.Registration"] = "1-NOP-000" });

        var page = await PageOf(response);
        Assert.NotNull(HtmlClient.FieldError(page, "Form.Name"));
        Assert.NotNull(HtmlClient.FieldError(page, "Form.Slot"));
        Assert.NotNull(HtmlClient.FieldError(page, "Form.Email"));
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Appointments.CountAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Registration == "1-NOP-000")));
    }

    [Fact]
    public async Task The_repair_status_shows_status_current_task_and_completion_date_and_nothing_else_of_the_job()
    {
        var id = await RepairerIdAsync(Janssens);
        var job = await NewJobAsync(id, "1-STS-310", j => j.Status(JobStatus.InRepair).Completion(new DateOnly(2031, 3, 14)).Claim("CLM-SECRET-99")
            .With(d => d with { CurrentTask = "Paint shop", CommentsDamage = "Internal remark" }));

        using var response = await Customer.SubmitAsync($"/portal/{id}/status", "#portal-status-form", new Dictionary<string, string>
        {
            ["Form.Registration"] = "1-sts-310",
            ["Form.JobNumber"] = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var page = await PageOf(response);
        var status = page.QuerySelector("[data-testid=portal-status]")!.TextContent;
        Assert.Contains("In repair", status, StringComparison.Ordinal);
        Assert.Contains("Paint shop", status, StringComparison.Ordinal);
        Assert.Contains("14/03/2031", status, StringComparison.Ordinal);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("CLM-SECRET-99", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal remark", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BMW", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_plate_a_wrong_number_and_a_wrong_pair_get_the_same_answer()
    {
        var id = await RepairerIdAsync(Janssens);
        var job = await NewJobAsync(id, "1-SAM-001");
        var other = await NewJobAsync(id, "1-SAM-002");
        var number = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        async Task<(HttpStatusCode, string)> LookUp(string plate, string jobNumber)
        {
            using var response = await Customer.SubmitAsync($"/portal/{id}/status", "#portal-status-form",
                new Dictionary<string, string> { ["Form.Registration"] = plate, ["Form.JobNumber"] = jobNumber });
            var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Null(page.QuerySelector("[data-testid=portal-status]"));
            return (response.StatusCode, ErrorsOf(page));
        }

        var wrongPlate = await LookUp("9-XXX-999", number);
        var wrongNumber = await LookUp("1-SAM-001", "999999");
        var wrongPair = await LookUp("1-SAM-002", number);
        var otherRepairer = await LookUp("1-SAM-001", other.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, wrongPlate.Item1);
        Assert.NotEmpty(wrongPlate.Item2);
        Assert.Equal(wrongPlate, wrongNumber);
        Assert.Equal(wrongPlate, wrongPair);
        Assert.Equal(wrongPlate, otherRepairer);
    }

    [Fact]
    public async Task A_job_of_another_repairer_is_not_found_on_this_repairers_portal()
    {
        var janssens = await RepairerIdAsync(Janssens);
        var dubois = await RepairerIdAsync("Garage Dubois Carrosserie");
        var job = await NewJobAsync(dubois, "1-DUB-404");

        using var response = await Customer.SubmitAsync($"/portal/{janssens}/status", "#portal-status-form", new Dictionary<string, string>
        {
            ["Form.Registration"] = "1-DUB-404",
            ["Form.JobNumber"] = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var page = await PageOf(response);
        Assert.Null(page.QuerySelector("[data-testid=portal-status]"));
        Assert.NotEmpty(ErrorsOf(page));
    }

    [Fact]
    public async Task Photos_added_with_plate_and_job_number_land_in_the_job_with_source_portal_and_a_notice_for_staff()
    {
        var id = await RepairerIdAsync(Janssens);
        var job = await NewJobAsync(id, "1-PHO-777");

        using var lookup = await Customer.SubmitAsync($"/portal/{id}/photos", "#portal-photos-form", new Dictionary<string, string>
        {
            ["Form.Registration"] = "1-pho-777",
            ["Form.JobNumber"] = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var step2 = await PageOf(lookup);
        var ticket = step2.QuerySelector("#portal-upload-form input[name=ticket]")!.GetAttribute("value")!;
        Assert.Equal($"/portal/{id}/photos/upload", step2.QuerySelector("#portal-upload-form")!.GetAttribute("action"));
        using var upload = await UploadAsync(id, step2, ticket, TestPhotos.Jpeg(), TestPhotos.Png());

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var photos = await Factory.WithDbAsync(db => db.JobPhotos.Where(p => p.JobId == job.Id).ToListAsync());
        Assert.Equal(2, photos.Count);
        Assert.All(photos, p => Assert.Equal(PhotoSource.Portal, p.Source));
        Assert.NotNull(await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == job.Id).Select(j => j.PortalPhotosAddedAt).SingleAsync()));

        var staff = new HtmlClient(Factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var screen = await staff.GetPageAsync($"/jobs/{job.Id}");
        Assert.NotNull(screen.QuerySelector("[data-testid=portal-photo-notice]"));
        using var seen = await staff.SubmitAsync($"/jobs/{job.Id}", "[data-testid=portal-photo-notice]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, seen.StatusCode);
        Assert.Null((await staff.GetPageAsync($"/jobs/{job.Id}")).QuerySelector("[data-testid=portal-photo-notice]"));
    }

    [Fact]
    public async Task Portal_photos_get_the_same_checks_as_staff_uploads_and_a_forged_ticket_stores_nothing()
    {
        var id = await RepairerIdAsync(Janssens);
        var job = await NewJobAsync(id, "1-CHK-123");
        using var lookup = await Customer.SubmitAsync($"/portal/{id}/photos", "#portal-photos-form", new Dictionary<string, string>
        {
            ["Form.Registration"] = "1-CHK-123",
            ["Form.JobNumber"] = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var step2 = await PageOf(lookup);
        var ticket = step2.QuerySelector("#portal-upload-form input[name=ticket]")!.GetAttribute("value")!;

        using var notAPhoto = await UploadAsync(id, step2, ticket, "<html>not a photo</html>"u8.ToArray());
        Assert.Contains("photo-1.jpg is not a JPEG, PNG or HEIC photo", ErrorsOf(await PageOf(notAPhoto)), StringComparison.Ordinal);
        using var forged = await UploadAsync(id, step2, ticket + "x", TestPhotos.Jpeg());
        Assert.NotEmpty(ErrorsOf(await PageOf(forged)));
        var otherRepairer = await RepairerIdAsync("Autoschade Van Dijk");
        using var elsewhere = await UploadAsync(otherRepairer, step2, ticket, TestPhotos.Jpeg());
        Assert.NotEmpty(ErrorsOf(await PageOf(elsewhere)));

        Assert.False(await Factory.WithDbAsync(db => db.JobPhotos.AnyAsync(p => p.JobId == job.Id)));
    }

    [Fact]
    public async Task A_full_slot_is_no_longer_offered_and_booking_it_is_refused()
    {
        var id = await RepairerIdAsync("Smith & Sons Accident Repair");
        await SetCapacityAsync(id, 1);
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/estimate"))[2];
        using var first = await BookAsync(Customer, id, "estimate", Estimate("LR19 AAA", slot));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        Assert.DoesNotContain(slot, Slots(await Customer.GetPageAsync($"/portal/{id}/estimate")));
        using var second = await BookAsync(Customer, id, "estimate", Estimate("LR19 BBB", slot));

        var page = await PageOf(second);
        Assert.NotNull(HtmlClient.FieldError(page, "Form.Slot"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.RepairerId == id
            && a.Start == DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(slot, System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.False(await Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Registration == "LR19 BBB")));
    }

    [Fact]
    public async Task Two_customers_booking_the_last_place_at_once_get_one_success()
    {
        var id = await RepairerIdAsync("Autoschade Van Dijk");
        await SetCapacityAsync(id, 1);
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/estimate"))[4];
        var customers = Enumerable.Range(0, 2).Select(_ => new HtmlClient(Factory.CreateBrowserLikeClient())).ToList();
        // Each has its form (and antiforgery token) ready before both submit.
        var forms = await Task.WhenAll(customers.Select(c => c.GetPageAsync($"/portal/{id}/estimate")));

        var responses = await Task.WhenAll(customers.Select((c, i) => PostPreparedAsync(c, id, forms[i], Estimate($"XX-0{i}-YY", slot))));

        Assert.Equal(1, responses.Count(r => r == HttpStatusCode.Redirect));
        Assert.Equal(1, responses.Count(r => r == HttpStatusCode.OK));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.RepairerId == id)));
    }

    [Fact]
    public async Task Portal_pages_link_to_no_staff_page()
    {
        var id = await RepairerIdAsync(Janssens);
        foreach (var path in new[] { "/portal", $"/portal/{id}", $"/portal/{id}/estimate", $"/portal/{id}/repair", $"/portal/{id}/status",
            $"/portal/{id}/photos" })
        {
            var page = await Customer.GetPageAsync(path);
            var targets = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Concat(page.QuerySelectorAll("form").Select(f => f.GetAttribute("action") ?? path));
            Assert.All(targets, t => Assert.True(t.StartsWith("/portal", StringComparison.Ordinal) || t.StartsWith("/language", StringComparison.Ordinal),
                $"{path} links to {t}"));
            Assert.Null(page.QuerySelector("[data-testid=signed-in-user]"));
        }
    }

    [Fact]
    public async Task A_portal_post_without_the_antiforgery_token_is_refused()
    {
        var id = await RepairerIdAsync(Janssens);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Registration"] = "1-ABC-123", ["Form.JobNumber"] = "1" });
        using var response = await Customer.Http.PostAsync($"/portal/{id}/status", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Dictionary<string, string> Estimate(string plate, string slot) => new()
    {
        ["Form.Name"] = "Oliver Wright",
        ["Form.Phone"] = "+44 7700 900123",
        ["Form.Registration"] = plate,
        ["Form.Slot"] = slot,
    };

    private static async Task<HttpStatusCode> PostPreparedAsync(HtmlClient client, int repairerId, AngleSharp.Html.Dom.IHtmlDocument page,
        Dictionary<string, string> fields)
    {
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "#portal-appointment-form")),
            "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        using var response = await client.Http.PostAsync($"/portal/{repairerId}/estimate", form);
        return response.StatusCode;
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
            if (await Factory.WithDbAsync(db => db.JobPhotos.Where(p => p.Id == photoId).Select(p => p.ThumbnailName != null && !p.ThumbnailPending).SingleAsync()))
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
