using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.Web.Features.Photos;

/// <summary>
/// A job's photos (J4): upload, the files themselves (only through here, only to signed-in staff,
/// as every controller without [AllowAnonymous]), and delete.
/// </summary>
[Route("jobs/{jobId:int}/photos")]
public sealed class PhotosController(JobPhotos photos, IPhotoStorage storage, IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpPost("")]
    [RequestSizeLimit(PhotoLimits.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PhotoLimits.MaxRequestBytes)]
    public async Task<IActionResult> Upload(int jobId, [FromForm(Name = UploadPhotos.Field)] List<IFormFile>? files, [FromServices] UploadPhotos upload, CancellationToken cancellationToken)
    {
        var chosen = files ?? [];
        var result = await upload.HandleAsync(jobId, chosen, PhotoSource.Staff, cancellationToken);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        var saved = result.Outcome == CommandOutcome.Saved;
        var message = saved
            ? texts["Photo.Added", chosen.Count].Value
            : texts["Photo.NothingSaved"].Value + " " + string.Join(" ", result.Validation!.Errors.Select(e => e.ErrorMessage));

        // The drag-and-drop uploader sends one file per request and reads the answer itself.
        if (WantsJson())
        {
            return saved ? Json(new { ok = true, message }) : BadRequest(new { ok = false, message });
        }

        TempData[saved ? "Success" : "Error"] = message;
        return Redirect(Url.Action("Edit", "Jobs", new { id = jobId }) + "#photos");
    }

    [HttpGet("{photoId:int}")]
    public Task<IActionResult> Original(int jobId, int photoId, CancellationToken cancellationToken) => ServeAsync(jobId, photoId, thumbnail: false, cancellationToken);

    [HttpGet("{photoId:int}/thumbnail")]
    public Task<IActionResult> Thumbnail(int jobId, int photoId, CancellationToken cancellationToken) => ServeAsync(jobId, photoId, thumbnail: true, cancellationToken);

    [HttpPost("{photoId:int}/delete")]
    public async Task<IActionResult> Delete(int jobId, int photoId, [FromServices] DeletePhoto delete, CancellationToken cancellationToken)
    {
        var result = await delete.HandleAsync(jobId, photoId, cancellationToken);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Success"] = texts["Photo.Deleted"].Value;
        return Redirect(Url.Action("Edit", "Jobs", new { id = jobId }) + "#photos");
    }

    private async Task<IActionResult> ServeAsync(int jobId, int photoId, bool thumbnail, CancellationToken cancellationToken)
    {
        if (await photos.FileAsync(jobId, photoId, thumbnail, cancellationToken) is not { } file
            || await storage.OpenReadAsync(file.Name, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        // Stored files never change (a new upload gets a new name): the browser may keep them, but only for this user.
        Response.Headers.CacheControl = "private, max-age=2592000, immutable";
        Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(stream, file.ContentType, lastModified: null, entityTag: new EntityTagHeaderValue($"\"{file.Name}\""));
    }

    private bool WantsJson() => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
