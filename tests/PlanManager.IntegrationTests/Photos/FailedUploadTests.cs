using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.IntegrationTests.Photos;

/// <summary>An upload that fails after its files were written leaves neither rows nor files.</summary>
public sealed class FailedUploadTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    /// <summary>Local disk storage that lets a test act at the moment the thumbnail is written.</summary>
    private sealed class InterferingStorage(LocalDiskPhotoStorage disk, Func<Task> onThumbnail) : IPhotoStorage
    {
        public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken)
        {
            await disk.SaveAsync(name, content, cancellationToken);
            if (name.Contains(".thumb.", StringComparison.Ordinal))
            {
                await onThumbnail();
            }
        }

        public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken) => disk.OpenReadAsync(name, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken) => disk.DeleteAsync(name, cancellationToken);
    }

    private async Task<(HttpStatusCode Status, int JobId, string Folder)> UploadWhileAsync(Func<IServiceProvider, int, Task> interfere)
    {
        var jobId = 0;
        IServiceProvider? services = null;
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPhotoStorage>(sp =>
            new InterferingStorage(new LocalDiskPhotoStorage(sp.GetRequiredService<IOptions<PhotoStorageOptions>>()), () => interfere(services!, jobId)))));
        services = app.Services;
        var browser = new HtmlClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true,
            BaseAddress = app.ClientOptions.BaseAddress }));
        await browser.SignInAsync(DemoDataSeeder.StaffEmail);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
            var job = new JobBuilder().Number(9001 + await db.Jobs.CountAsync()).Repairer(await db.Repairers.Select(r => r.Id).FirstAsync()).Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            jobId = job.Id;
        }

        var page = await browser.GetPageAsync($"/jobs/{jobId}");
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "form[data-photo-upload]")),
            "__RequestVerificationToken" } };
        var file = new ByteArrayContent(TestPhotos.Jpeg());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "files", "door.jpg");
        using var response = await browser.Http.PostAsync($"/jobs/{jobId}/photos", form);
        return (response.StatusCode, jobId, app.Services.GetRequiredService<IOptions<PhotoStorageOptions>>().Value.Folder!);
    }

    [Fact]
    public async Task When_the_rows_cannot_be_saved_the_written_files_are_removed()
    {
        // The job disappears while its photo is being stored: the photo row then breaks its foreign key.
        var (status, jobId, folder) = await UploadWhileAsync(async (services, id) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>().Jobs.Where(j => j.Id == id).ExecuteDeleteAsync();
        });

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.False(await factory.WithDbAsync(db => db.JobPhotos.AnyAsync(p => p.JobId == jobId)));
        Assert.Empty(Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task When_a_file_cannot_be_written_nothing_is_saved_and_earlier_files_are_removed()
    {
        var (status, jobId, folder) = await UploadWhileAsync((_, _) => throw new IOException("disk full"));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.False(await factory.WithDbAsync(db => db.JobPhotos.AnyAsync(p => p.JobId == jobId)));
        Assert.False(await factory.WithDbAsync(db => db.JobLog.AnyAsync(l => l.JobId == jobId && l.MessageKey == "JobLog.PhotoAdded")));
        Assert.Empty(Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : []);
    }
}
