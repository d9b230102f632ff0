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

        var (checkedFiles, validation) = await CheckAsync(files, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var written = new List<string>();
        try
        {
            var now = clock.GetUtcNow();
            foreach (var (file, format) in checkedFiles)
            {
                var photo = await StoreAsync(file, format, written, cancellationToken);
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
            foreach (var name in written)
            {
                await DeleteQuietlyAsync(name);
            }

            throw;
        }

        return CommandResult.Saved(job.Id);
    }

    /// <summary>The same checks as an upload, without storing anything (the portal checks photos before it books).</summary>
    public async Task<ValidationResult> ValidateAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken) =>
        (await CheckAsync(files, cancellationToken)).Validation;

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

    private async Task<(List<(IFormFile File, PhotoFormat Format)> Files, ValidationResult Validation)> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        var validation = new ValidationResult();
        var accepted = new List<(IFormFile, PhotoFormat)>();
        if (files.Count == 0)
        {
            validation.Errors.Add(new ValidationFailure(Field, texts["Photo.NoneChosen"]));
        }
        else if (files.Count > PhotoLimits.MaxFilesPerUpload)
        {
            validation.Errors.Add(new ValidationFailure(Field, texts["Photo.TooMany", PhotoLimits.MaxFilesPerUpload]));
        }

        foreach (var file in files.Take(PhotoLimits.MaxFilesPerUpload))
        {
            var name = DisplayName(file.FileName);
            if (file.Length == 0)
            {
                validation.Errors.Add(new ValidationFailure(Field, texts["Photo.Empty", name]));
                continue;
            }

            if (file.Length > PhotoLimits.MaxBytes)
            {
                validation.Errors.Add(new ValidationFailure(Field, texts["Photo.TooLarge", name, PhotoLimits.MaxBytesInMegabytes]));
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

    private async Task<JobPhoto> StoreAsync(IFormFile file, PhotoFormat format, List<string> written, CancellationToken cancellationToken)
    {
        var photo = new JobPhoto
        {
            StoredName = PhotoNames.NewOriginal(PhotoContent.Extension(format)),
            OriginalFileName = DisplayName(file.FileName),
            Format = format,
            SizeBytes = file.Length,
        };

        await using (var content = file.OpenReadStream())
        {
            written.Add(photo.StoredName);
            await storage.SaveAsync(photo.StoredName, content, cancellationToken);
        }

        PhotoPreview? preview;
        await using (var content = file.OpenReadStream())
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
