using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.IntegrationTests.Portal;

/// <summary>The portal with the thumbnail worker stopped: what the anonymous request itself does.</summary>
public sealed class NoThumbnailWorkerFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Photos:Thumbnails:Enabled", "false");
    }
}

/// <summary>Issue 16: an anonymous upload never decodes an image; thumbnails come from the bounded background queue.</summary>
public sealed class PortalThumbnailTests(NoThumbnailWorkerFactory factory) : PortalTestBase<NoThumbnailWorkerFactory>(factory)
{
    [Fact]
    public async Task A_portal_upload_stores_the_photos_without_decoding_them_and_the_queue_makes_their_thumbnails_later()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var job = await NewJobAsync(id, "1-THU-310");
        var (step2, ticket) = await PhotoStepTwoAsync(Customer, id, "1-THU-310", job.Number);

        using var upload = await UploadAsync(id, step2, ticket, TestPhotos.Jpeg(), TestPhotos.Png());

        // Answered with the photos stored and no thumbnail: nothing was decoded in the request.
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var photos = await Factory.WithDbAsync(db => db.JobPhotos.Where(p => p.JobId == job.Id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, photos.Count);
        Assert.All(photos, p => Assert.True(p.ThumbnailPending && p.ThumbnailName is null && p.Width is null));
        var staff = new HtmlClient(Factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        using (var none = await staff.Http.GetAsync($"/jobs/{job.Id}/photos/{photos[0].Id}/thumbnail"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        // The queue's work, one photo at a time.
        foreach (var photo in photos)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<MakeThumbnail>().HandleAsync(photo.Id, CancellationToken.None));
            Assert.False(await scope.ServiceProvider.GetRequiredService<MakeThumbnail>().HandleAsync(photo.Id, CancellationToken.None));
        }

        var made = await Factory.WithDbAsync(db => db.JobPhotos.Where(p => p.JobId == job.Id).ToListAsync());
        Assert.All(made, p => Assert.True(!p.ThumbnailPending && p.ThumbnailName is not null && p.Width > 0 && p.Height > 0));
        using var thumbnail = await staff.Http.GetAsync($"/jobs/{job.Id}/photos/{photos[0].Id}/thumbnail");
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Staff_uploads_still_get_their_thumbnail_at_once()
    {
        var id = await RepairerIdAsync("Carrosserie Janssens");
        var job = await NewJobAsync(id, "1-THU-311");
        var staff = new HtmlClient(Factory.CreateBrowserLikeClient());
        await staff.SignInAsync(DemoDataSeeder.StaffEmail);
        var screen = await staff.GetPageAsync($"/jobs/{job.Id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlClient.Token(screen, "form[data-photo-upload]")), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(TestPhotos.Jpeg());
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("image/jpeg");
        form.Add(file, "files", "staff.jpg");

        using var response = await staff.Http.PostAsync($"/jobs/{job.Id}/photos", form);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"upload answered {(int)response.StatusCode}");
        var photo = await Factory.WithDbAsync(db => db.JobPhotos.SingleAsync(p => p.JobId == job.Id));
        Assert.False(photo.ThumbnailPending);
        Assert.NotNull(photo.ThumbnailName);
    }
}
