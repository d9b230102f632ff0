using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.Web.Features.Photos;

/// <summary>
/// Adds photos to a job (J4). Every file is checked first (not empty, not too large, really a
/// JPEG, PNG or HEIC by its bytes); one refused file refuses the upload and nothing is stored.
/// Files are written before the rows and removed again if the rows cannot be saved, so there is
/// never a row without its file.
/// </summary>
public sealed class UploadPhotos(
    PlanManagerDbContext db,
    IPhotoStorage storage,
    JobLogWriter log,
    TimeProvider clock,
    IHttpContextAccessor httpContext,
    ThumbnailBacklog thumbnails,
    IStringLocalizer<SharedResource> texts,
    ILogger<UploadPhotos> logger)
{
    public const string Field = "files";

    public async Task<CommandResult> HandleAsync(int jobId, IReadOnlyList<IFormFile> files, PhotoSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return CommandResult.NotFound;
        }

        var portal = source == PhotoSource.Portal;
        var (checkedFiles, validation) = await CheckAsync(files, portal, cancellationToken);
        if (portal && validation.IsValid)
        {
            await CheckPortalQuotaAsync(job.Id, files, validation, cancellationToken);
        }

        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var written = new List<string>();
        var added = new List<JobPhoto>();
        try
        {
            var now = clock.GetUtcNow();
            foreach (var (file, format) in checkedFiles)
            {
                // Only a person waiting at the job screen gets the thumbnail at once. An anonymous request never decodes an
                // image, and a platform's photos copied by an import leave their thumbnails to the background queue (issue 18).
                var photo = await StoreAsync(file, format, written, makeThumbnail: source == PhotoSource.Staff, cancellationToken);
                added.Add(photo);
                photo.JobId = job.Id;
                photo.Source = source;
                photo.UploadedAt = now;
                photo.UploadedBy = httpContext.HttpContext?.User.Identity?.Name ?? JobLogWriter.System;
                db.JobPhotos.Add(photo);
                log.Add(job, JobLogMessages.PhotoAdded, photo.OriginalFileName, PlatformOf(source));
            }

            if (source == PhotoSource.Portal)
            {
                job.NotePortalPhotos(now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await DiscardAsync(written);
            throw;
        }

        QueueThumbnails(added);
        return CommandResult.Saved(job.Id);
    }

    /// <summary>Queues the photos still waiting for a thumbnail (after their rows are committed).</summary>
    public void QueueThumbnails(IEnumerable<JobPhoto> photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        foreach (var photo in photos.Where(p => p.ThumbnailPending))
        {
            thumbnails.TryEnqueue(photo.Id);
        }
    }

    /// <summary>
    /// Stores a new customer's booking photos (checked as a portal upload, without metadata, no
    /// decoding) for a request that has no job yet. The caller adds them to the appointment and
    /// saves; if that fails it calls <see cref="DiscardAsync"/> with <paramref name="written"/>.
    /// </summary>
    public async Task<List<HeldPhoto>> HoldAsync(IReadOnlyList<IFormFile> files, List<string> written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(written);
        var (checkedFiles, validation) = await CheckAsync(files, portal: true, cancellationToken);
        if (!validation.IsValid)
        {
            throw new InvalidOperationException("Booking photos are validated before they are held.");
        }

        var held = new List<HeldPhoto>();
        var now = clock.GetUtcNow();
        foreach (var (file, format) in checkedFiles)
        {
            var photo = await StoreAsync(file, format, written, makeThumbnail: false, cancellationToken);
            held.Add(new HeldPhoto
            {
                StoredName = photo.StoredName,
                OriginalFileName = photo.OriginalFileName,
                Format = photo.Format,
                SizeBytes = photo.SizeBytes,
                UploadedAt = now,
            });
        }

        return held;
    }

    /// <summary>Removes stored files whose rows were not saved (or were deleted); a file that cannot be removed is logged.</summary>
    public async Task DiscardAsync(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            await DeleteQuietlyAsync(name);
        }
    }

    /// <summary>The same checks as a portal upload, without storing anything (the portal checks photos before it books).</summary>
    public async Task<ValidationResult> ValidateAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken) =>
        (await CheckAsync(files, portal: true, cancellationToken)).Validation;

    /// <summary>An anonymous visitor may add only so much to one job, however many tickets it gets.</summary>
    private async Task CheckPortalQuotaAsync(int jobId, IReadOnlyList<IFormFile> files, ValidationResult validation, CancellationToken cancellationToken)
    {
        var stored = await db.JobPhotos.Where(p => p.JobId == jobId && p.Source == PhotoSource.Portal).SumAsync(p => (long?)p.SizeBytes, cancellationToken) ?? 0;
        if (stored + files.Sum(f => f.Length) > PortalPhotoLimits.StoragePerJob)
        {
            validation.Errors.Add(new ValidationFailure(Field, texts["Photo.PortalQuota", PortalPhotoLimits.StoragePerJobInMegabytes]));
        }
    }

    public static LogPlatform PlatformOf(PhotoSource source) => source switch
    {
        PhotoSource.Portal => LogPlatform.Portal,
        PhotoSource.Claims360 => LogPlatform.Claims360,
        PhotoSource.Informex => LogPlatform.Informex,
        _ => LogPlatform.None,
    };

    /// <summary>The name the user's file had, fit to show: no folders, no control characters, not too long.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            return "photo";
        }

        return name.Length <= PhotoLimits.FileName ? name : name[..PhotoLimits.FileName];
    }

    private async Task<(List<(IFormFile File, PhotoFormat Format)> Files, ValidationResult Validation)> CheckAsync(IReadOnlyList<IFormFile> files, bool portal, CancellationToken cancellationToken)
    {
        var maxFiles = portal ? PortalPhotoLimits.MaxFilesPerUpload : PhotoLimits.MaxFilesPerUpload;
        var maxBytes = portal ? PortalPhotoLimits.MaxBytes : PhotoLimits.MaxBytes;
        var maxMegabytes = portal ? PortalPhotoLimits.MaxBytesInMegabytes : PhotoLimits.MaxBytesInMegabytes;
        var validation = new ValidationResult();
        var accepted = new List<(IFormFile, PhotoFormat)>();
        if (files.Count == 0)
        {
            validation.Errors.Add(new ValidationFailure(Field, texts["Photo.NoneChosen"]));
        }
        else if (files.Count > maxFiles)
        {
            validation.Errors.Add(new ValidationFailure(Field, texts["Photo.TooMany", maxFiles]));
        }

        foreach (var file in files.Take(maxFiles))
        {
            var name = DisplayName(file.FileName);
            if (file.Length == 0)
            {
                validation.Errors.Add(new ValidationFailure(Field, texts["Photo.Empty", name]));
                continue;
            }

            if (file.Length > maxBytes)
            {
                validation.Errors.Add(new ValidationFailure(Field, texts["Photo.TooLarge", name, maxMegabytes]));
                continue;
            }

            var header = new byte[PhotoContent.HeaderLength];
            await using var stream = file.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            if (PhotoContent.Detect(header.AsSpan(0, read)) is { } format)
            {
                accepted.Add((file, format));
            }
            else
            {
                validation.Errors.Add(new ValidationFailure(Field, texts["Photo.NotAPhoto", name]));
            }
        }

        return (accepted, validation);
    }

    private async Task<JobPhoto> StoreAsync(IFormFile file, PhotoFormat format, List<string> written, bool makeThumbnail, CancellationToken cancellationToken)
    {
        // Stored without its metadata (GPS, camera, owner): photos go on to insurers and platforms.
        byte[] bytes;
        await using (var content = file.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)Math.Min(file.Length, PhotoLimits.MaxBytes));
            await content.CopyToAsync(buffer, cancellationToken);
            bytes = PhotoMetadata.Strip(buffer.ToArray(), format);
        }

        var photo = new JobPhoto
        {
            StoredName = PhotoNames.NewOriginal(PhotoContent.Extension(format)),
            OriginalFileName = DisplayName(file.FileName),
            Format = format,
            SizeBytes = bytes.Length,
        };

        using (var content = new MemoryStream(bytes, writable: false))
        {
            written.Add(photo.StoredName);
            await storage.SaveAsync(photo.StoredName, content, cancellationToken);
        }

        if (!makeThumbnail)
        {
            photo.ThumbnailPending = true;
            return photo;
        }

        PhotoPreview? preview;
        using (var content = new MemoryStream(bytes, writable: false))
        {
            preview = PhotoThumbnails.Create(content, PhotoLimits.ThumbnailSize);
        }

        if (preview is null)
        {
            // Stored all the same: a HEIC from an iPhone is a real photo even where it cannot be decoded; the screen shows a placeholder.
            logger.LogInformation("No thumbnail for {Format} photo {StoredName}: it could not be decoded", format, photo.StoredName);
            return photo;
        }

        photo.Width = preview.Width;
        photo.Height = preview.Height;
        photo.ThumbnailName = PhotoNames.ThumbnailOf(photo.StoredName);
        written.Add(photo.ThumbnailName);
        using var thumbnail = new MemoryStream(preview.Thumbnail, writable: false);
        await storage.SaveAsync(photo.ThumbnailName, thumbnail, cancellationToken);
        return photo;
    }

    private async Task DeleteQuietlyAsync(string name)
    {
        try
        {
            await storage.DeleteAsync(name, CancellationToken.None);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Photo file {StoredName} of a failed upload could not be removed", name);
        }
    }
}
