using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;

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
        Assert.Equal((AppointmentKind.Repair, AppointmentStatus.Requested, (int?)null, "Lucas Janssens"),
            (request.Kind, request.Status, request.JobId, request.CustomerName));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("--")]
    [InlineData("1-AB<script>")]
    public async Task A_booking_with_something_that_is_not_a_plate_is_refused_next_to_the_field(string plate)
    {
        var id = await RepairerIdAsync(Janssens);
        var slot = Slots(await Customer.GetPageAsync($"/portal/{id}/estimate"))[1];
        var before = await Factory.WithDbAsync(db => db.Appointments.CountAsync());

        using var response = await BookAsync(Customer, id, "estimate", new Dictionary<string, string>
        {
            ["Form.Name"] = "Plate Tester",
            ["Form.Email"] = "plate@example.be",
            ["Form.Registration"] = plate,
            ["Form.Slot"] = slot,
        });

        var page = await PageOf(response);
        Assert.Contains("registration plate", HtmlClient.FieldError(page, "Form.Registration") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Appointments.CountAsync()));
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

        var (step2, ticket) = await PhotoStepTwoAsync(Customer, id, "1-pho-777", job.Number);
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
    public async Task The_photo_steps_are_pages_of_their_own_so_back_after_the_upload_asks_for_nothing_again()
    {
        var id = await RepairerIdAsync(Janssens);
        var job = await NewJobAsync(id, "1-PRG-404");
        var (step2, ticket) = await PhotoStepTwoAsync(Customer, id, "1-PRG-404", job.Number);

        // Step 2 is a GET page: a refresh shows it again with the same job.
        var refreshed = await Customer.GetPageAsync($"/portal/{id}/photos");
        Assert.NotNull(refreshed.QuerySelector("#portal-upload-form"));
        Assert.Contains("1-PRG-404", refreshed.QuerySelector("#portal-upload-form")!.TextContent, StringComparison.Ordinal);

        using var upload = await UploadAsync(id, step2, ticket, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        // Back from the thank-you page lands on step 1, not on a form to send again.
        var back = await Customer.GetPageAsync($"/portal/{id}/photos");
        Assert.NotNull(back.QuerySelector("#portal-photos-form"));
        Assert.Null(back.QuerySelector("#portal-upload-form"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.JobPhotos.CountAsync(p => p.JobId == job.Id)));
    }

    [Fact]
    public async Task Portal_photos_get_the_same_checks_as_staff_uploads_and_a_forged_ticket_stores_nothing()
    {
        var id = await RepairerIdAsync(Janssens);
        var job = await NewJobAsync(id, "1-CHK-123");
        var (step2, ticket) = await PhotoStepTwoAsync(Customer, id, "1-CHK-123", job.Number);

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
}
