using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Photos;
using SkiaSharp;

namespace PlanManager.IntegrationTests.Photos;

/// <summary>Job photos (J4): what is accepted, where it goes, who may see it, and that a refusal stores nothing.</summary>
public sealed class PhotoTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private static int _nextNumber = 7000;

    private string PhotoFolder => Factory.Services.GetRequiredService<IOptions<PhotoStorageOptions>>().Value.Folder!;

    private async Task<int> NewJobAsync()
    {
        var repairer = await FirstRepairerIdAsync();
        return await Factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(Interlocked.Increment(ref _nextNumber)).Repairer(repairer).Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
    }

    private async Task<HttpResponseMessage> UploadAsync(int jobId, bool json, params (string Name, byte[] Content, string ContentType)[] files)
    {
        var page = await Browser.GetPageAsync($"/jobs/{jobId}");
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "form[data-photo-upload]")),
            "__RequestVerificationToken" } };
        foreach (var (name, content, type) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(file, "files", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/jobs/{jobId}/photos") { Content = form };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await Browser.Http.SendAsync(request);
    }

    private async Task<string> MessageAfterAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Browser.GetPageAsync(response.Headers.Location!.OriginalString);
        return (page.QuerySelector("[role=alert]") ?? page.QuerySelector("[role=status]"))?.TextContent.Trim() ?? string.Empty;
    }

    private Task<List<JobPhoto>> PhotosOfAsync(int jobId) => Factory.WithDbAsync(db => db.JobPhotos.Where(p => p.JobId == jobId).ToListAsync());

    private int FilesOf(JobPhoto photo) =>
        Directory.Exists(PhotoFolder)
            ? Directory.EnumerateFiles(PhotoFolder, "*", SearchOption.AllDirectories)
                .Count(f => Path.GetFileName(f).StartsWith(Path.GetFileNameWithoutExtension(photo.StoredName), StringComparison.Ordinal))
            : 0;

    private async Task AssertNothingStoredAsync(int jobId, int filesBefore)
    {
        Assert.Empty(await PhotosOfAsync(jobId));
        Assert.Equal(filesBefore, CountFiles());
        Assert.False(await Factory.WithDbAsync(db => db.JobLog.AnyAsync(l => l.JobId == jobId && l.MessageKey == "JobLog.PhotoAdded")));
    }

    private int CountFiles() => Directory.Exists(PhotoFolder) ? Directory.EnumerateFiles(PhotoFolder, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task A_real_jpeg_is_stored_with_a_thumbnail_and_both_are_served_to_staff()
    {
        var jobId = await NewJobAsync();
        var jpeg = TestPhotos.Jpeg(1600, 1200);

        using var response = await UploadAsync(jobId, json: false, ("front-left.jpg", jpeg, "image/jpeg"));

        Assert.Equal("1 photo(s) added.", await MessageAfterAsync(response));
        var photo = Assert.Single(await PhotosOfAsync(jobId));
        Assert.Equal("front-left.jpg", photo.OriginalFileName);
        Assert.Equal(PhotoFormat.Jpeg, photo.Format);
        Assert.Equal(PhotoSource.Staff, photo.Source);
        Assert.Equal((1600, 1200), (photo.Width, photo.Height));
        Assert.Equal("staff@planmanager.demo", photo.UploadedBy);
        Assert.NotEqual("front-left.jpg", photo.StoredName);
        Assert.Equal(2, FilesOf(photo));
        Assert.True(await Factory.WithDbAsync(db => db.JobLog.AnyAsync(l => l.JobId == jobId && l.MessageKey == "JobLog.PhotoAdded"
            && l.Detail == "front-left.jpg" && l.UserName == "staff@planmanager.demo")));

        using var original = await Browser.Http.GetAsync($"/jobs/{jobId}/photos/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType!.MediaType);
        Assert.Equal(jpeg, await original.Content.ReadAsByteArrayAsync());
        Assert.Contains("private", original.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var thumbnail = await Browser.Http.GetAsync($"/jobs/{jobId}/photos/{photo.Id}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        using var decoded = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal((320, 240), (decoded.Width, decoded.Height));

        var page = await Browser.GetPageAsync($"/jobs/{jobId}");
        var image = page.QuerySelector("[data-testid=photo] img")!;
        Assert.Equal($"/jobs/{jobId}/photos/{photo.Id}/thumbnail", image.GetAttribute("src"));
        Assert.Equal("Staff", page.QuerySelector("[data-testid=photo-source]")!.TextContent.Trim());
        Assert.Contains("Photo added: front-left.jpg", page.QuerySelector("[data-testid=job-log]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_files_are_not_served_to_anonymous_users()
    {
        var jobId = await NewJobAsync();
        using (var upload = await UploadAsync(jobId, json: false, ("rear.png", TestPhotos.Png(), "image/png")))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var photo = Assert.Single(await PhotosOfAsync(jobId));
        using var anonymous = Factory.CreateBrowserLikeClient();
        foreach (var url in new[] { $"/jobs/{jobId}/photos/{photo.Id}", $"/jobs/{jobId}/photos/{photo.Id}/thumbnail" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.NotEqual("image/png", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_photo_asked_for_under_another_job_is_not_found()
    {
        var jobId = await NewJobAsync();
        var otherJob = await NewJobAsync();
        using (await UploadAsync(jobId, json: false, ("a.jpg", TestPhotos.Jpeg(), "image/jpeg")))
        {
        }

        var photo = Assert.Single(await PhotosOfAsync(jobId));
        using var response = await Browser.Http.GetAsync($"/jobs/{otherJob}/photos/{photo.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_text_file_renamed_jpg_is_refused_by_its_content_and_nothing_is_stored()
    {
        var jobId = await NewJobAsync();
        var before = CountFiles();

        using var response = await UploadAsync(jobId, json: false, ("notes.jpg", "Pick up at 5 pm, call first."u8.ToArray(), "image/jpeg"));

        Assert.Equal("Nothing was saved. notes.jpg is not a JPEG, PNG or HEIC photo.", await MessageAfterAsync(response));
        await AssertNothingStoredAsync(jobId, before);
    }

    [Fact]
    public async Task A_file_over_20_mb_is_refused_with_the_limit_and_nothing_is_stored()
    {
        var jobId = await NewJobAsync();
        var before = CountFiles();
        var huge = new byte[PhotoLimits.MaxBytes + 1];
        huge[0] = 0xFF;
        huge[1] = 0xD8;
        huge[2] = 0xFF;

        using var response = await UploadAsync(jobId, json: false, ("camera.jpg", huge, "image/jpeg"));

        Assert.Equal("Nothing was saved. camera.jpg is larger than 20 MB.", await MessageAfterAsync(response));
        await AssertNothingStoredAsync(jobId, before);
    }

    [Fact]
    public async Task An_empty_file_is_refused_and_nothing_is_stored()
    {
        var jobId = await NewJobAsync();
        var before = CountFiles();

        using var response = await UploadAsync(jobId, json: false, ("empty.jpg", [], "image/jpeg"));

        Assert.Equal("Nothing was saved. empty.jpg is empty.", await MessageAfterAsync(response));
        await AssertNothingStoredAsync(jobId, before);
    }

    [Fact]
    public async Task One_refused_file_refuses_the_whole_upload()
    {
        var jobId = await NewJobAsync();
        var before = CountFiles();

        using var response = await UploadAsync(jobId, json: true, ("good.jpg", TestPhotos.Jpeg(), "image/jpeg"),
            ("invoice.png", "%PDF-1.7"u8.ToArray(), "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(answer.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("Nothing was saved. invoice.png is not a JPEG, PNG or HEIC photo.", answer.RootElement.GetProperty("message").GetString());
        await AssertNothingStoredAsync(jobId, before);
    }

    [Fact]
    public async Task A_heic_that_cannot_be_decoded_is_kept_and_shown_with_a_placeholder()
    {
        var jobId = await NewJobAsync();

        using var response = await UploadAsync(jobId, json: true, ("IMG_4021.HEIC", TestPhotos.Heic(), "application/octet-stream"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var photo = Assert.Single(await PhotosOfAsync(jobId));
        Assert.Equal(PhotoFormat.Heic, photo.Format);
        Assert.Null(photo.ThumbnailName);
        Assert.Equal(1, FilesOf(photo));

        using var original = await Browser.Http.GetAsync($"/jobs/{jobId}/photos/{photo.Id}");
        Assert.Equal("image/heic", original.Content.Headers.ContentType!.MediaType);
        using var thumbnail = await Browser.Http.GetAsync($"/jobs/{jobId}/photos/{photo.Id}/thumbnail");
        Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);

        var page = await Browser.GetPageAsync($"/jobs/{jobId}");
        Assert.NotNull(page.QuerySelector("[data-testid=photo] .pm-photo-placeholder"));
    }

    [Fact]
    public async Task Deleting_a_photo_removes_its_row_and_files_and_logs_it()
    {
        var jobId = await NewJobAsync();
        using (await UploadAsync(jobId, json: false, ("dent.jpg", TestPhotos.Jpeg(), "image/jpeg")))
        {
        }

        var photo = Assert.Single(await PhotosOfAsync(jobId));
        Assert.Equal(2, FilesOf(photo));
        var page = await Browser.GetPageAsync($"/jobs/{jobId}");
        var deleteForm = page.QuerySelector("form.pm-photo-delete")!;
        Assert.Equal("Delete photo dent.jpg? This cannot be undone.", deleteForm.GetAttribute("data-confirm"));

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", HtmlClient.Token(page, "form.pm-photo-delete"))]);
        using var response = await Browser.Http.PostAsync(deleteForm.GetAttribute("action"), content);

        Assert.Equal("Photo deleted.", await MessageAfterAsync(response));
        Assert.Empty(await PhotosOfAsync(jobId));
        Assert.Equal(0, FilesOf(photo));
        Assert.True(await Factory.WithDbAsync(db => db.JobLog.AnyAsync(l => l.JobId == jobId && l.MessageKey == "JobLog.PhotoDeleted"
            && l.Detail == "dent.jpg")));
        using var gone = await Browser.Http.GetAsync($"/jobs/{jobId}/photos/{photo.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Uploading_without_the_antiforgery_token_is_refused()
    {
        var jobId = await NewJobAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestPhotos.Jpeg()), "files", "x.jpg" } };

        using var response = await Browser.Http.PostAsync($"/jobs/{jobId}/photos", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await PhotosOfAsync(jobId));
    }
}
