using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Portal;

/// <summary>Clients told apart by X-Forwarded-For (as behind nginx); 3 bookings and 12 posts each, 2 lookups per client and plate.</summary>
public sealed class PortalFloodFactory : PortalFactory
{
    protected override int LookupsPerPlate => 2;
    protected override bool TrustForwardedHeaders => true;
    protected override int PortalPostsPerClient => 12;
    protected override int PortalBookingsPerClient => 3;
}

/// <summary>Issue 16, items 1 and 7: what one anonymous client can do to a bodyshop through the portal.</summary>
public sealed class PortalFloodTests(PortalFloodFactory factory) : PortalTestBase<PortalFloodFactory>(factory)
{
    private HtmlClient From(string address)
    {
        var client = Factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new HtmlClient(client);
    }

    private static Dictionary<string, string> Estimate(string plate, string slot) => new()
    {
        ["Form.Name"] = "Flood Test",
        ["Form.Phone"] = "+32 470 00 00 00",
        ["Form.Registration"] = plate,
        ["Form.Slot"] = slot,
    };

    [Fact]
    public async Task Bookings_from_one_client_stop_at_its_limit_and_create_nothing_more()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        await SetCapacityAsync(id, 50);
        var flooder = From("203.0.113.66");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var slot = Slots(await flooder.GetPageAsync($"/portal/{id}/estimate"))[i % 3];
            using var response = await BookAsync(flooder, id, "estimate", Estimate($"FL-{i:00}-OOD", slot));
            answers.Add(response.StatusCode);
        }

        Assert.Equal(3, answers.Count(a => a == HttpStatusCode.Redirect));
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        Assert.Equal(3, await Factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.Registration!.StartsWith("FL-"))));
        Assert.False(await Factory.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Registration.StartsWith("FL-"))), "a booking is not a job until staff confirm it");

        // Someone else still books.
        var customer = From("198.51.100.7");
        var free = Slots(await customer.GetPageAsync($"/portal/{id}/estimate"))[0];
        using var booked = await BookAsync(customer, id, "estimate", Estimate("OK-01-AAA", free));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
    }

    [Fact]
    public async Task Every_portal_post_counts_against_its_client()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var prober = From("203.0.113.77");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var response = await prober.SubmitAsync($"/portal/{id}/status", "#portal-status-form",
                new Dictionary<string, string> { ["Form.Registration"] = $"PR-{i:00}-OBE", ["Form.JobNumber"] = "1" });
            answers.Add(response.StatusCode);
        }

        Assert.Equal(12, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(3, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_stranger_trying_a_plate_does_not_block_its_owner()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var job = await NewJobAsync(id, "1-OWN-700");
        var number = job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stranger = From("192.0.2.99");
        for (var i = 0; i < 2; i++)
        {
            using var guess = await stranger.SubmitAsync($"/portal/{id}/status", "#portal-status-form",
                new Dictionary<string, string> { ["Form.Registration"] = "1-OWN-700",
                ["Form.JobNumber"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        }

        using var blocked = await stranger.SubmitAsync($"/portal/{id}/status", "#portal-status-form",
            new Dictionary<string, string> { ["Form.Registration"] = "1-OWN-700", ["Form.JobNumber"] = number });
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);

        using var owner = await From("198.51.100.70")
            .SubmitAsync($"/portal/{id}/status", "#portal-status-form",
            new Dictionary<string, string> { ["Form.Registration"] = "1-own-700", ["Form.JobNumber"] = number });
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        var page = await owner.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Too many", page, StringComparison.Ordinal);
        Assert.DoesNotContain("We found no job", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_ticket_is_good_for_three_uploads_of_at_most_five_photos_of_10_mb()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var job = await NewJobAsync(id, "1-TKT-300");
        var customer = From("198.51.100.30");
        var (step2, ticket) = await PhotoStepTwoAsync(customer, id, "1-TKT-300", job.Number);

        // Six photos, or one over 10 MB, are refused; each try counts as a use of the ticket.
        using var six = await UploadAsync(customer, id, step2, ticket, [.. Enumerable.Repeat(TestPhotos.Jpeg(64, 48), 6)]);
        Assert.Contains("5", ErrorsOf(await PageOf(six)), StringComparison.Ordinal);
        using var large = await UploadAsync(customer, id, step2, ticket, [[.. TestPhotos.Jpeg(64, 48), .. new byte[(10 * 1024 * 1024) + 1]]]);
        Assert.Contains("10 MB", ErrorsOf(await PageOf(large)), StringComparison.Ordinal);

        using var third = await UploadAsync(customer, id, step2, ticket, TestPhotos.Jpeg(64, 48));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        using var fourth = await UploadAsync(customer, id, step2, ticket, TestPhotos.Jpeg(64, 48));
        Assert.Contains("registration plate and job number again", ErrorsOf(await PageOf(fourth)), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.JobPhotos.CountAsync(p => p.JobId == job.Id)));
    }

    [Fact]
    public async Task Portal_photos_of_one_job_stop_at_its_quota()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var job = await NewJobAsync(id, "1-QTA-100");
        // Rows only (as if earlier uploads had filled the quota): 100 MB of portal photos less 100 bytes.
        await Factory.WithDbAsync(async db =>
        {
            db.JobPhotos.Add(new JobPhoto { JobId = job.Id, Source = PhotoSource.Portal, StoredName = new string('a', 32) + ".jpg",
                OriginalFileName = "old.jpg", SizeBytes = PortalPhotoLimits.StoragePerJob - 100, UploadedAt = DateTimeOffset.UtcNow, UploadedBy = "portal" });
            await db.SaveChangesAsync();
        });
        var customer = From("198.51.100.31");
        var (step2, ticket) = await PhotoStepTwoAsync(customer, id, "1-QTA-100", job.Number);

        using var over = await UploadAsync(customer, id, step2, ticket, TestPhotos.Jpeg(64, 48));
        Assert.Contains("100 MB", ErrorsOf(await PageOf(over)), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.JobPhotos.CountAsync(p => p.JobId == job.Id)));
    }
}
