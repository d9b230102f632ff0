namespace PlanManager.Web.Domain;

/// <summary>Where a photo came from (J4): the staff screen, the customer portal, or a claims platform.</summary>
public enum PhotoSource
{
    Staff = 0,
    Portal = 1,
    Claims360 = 2,
    Informex = 3,
}

/// <summary>The image formats a job accepts, recognised by their content (<see cref="PhotoContent"/>), never by name.</summary>
public enum PhotoFormat
{
    Jpeg = 0,
    Png = 1,
    Heic = 2,
}

/// <summary>
/// One photo of a job (J4). The file itself lives in photo storage under <see cref="StoredName"/>,
/// a generated name; the name the user's file had is kept only to show.
/// </summary>
public class JobPhoto
{
    public int Id { get; set; }
    public int JobId { get; set; }

    /// <summary>Generated (a GUID and the format's extension); the only name storage ever sees.</summary>
    public string StoredName { get; set; } = string.Empty;

    /// <summary>The small JPEG made at upload, or null when the original could not be decoded (HEIC on most servers).</summary>
    public string? ThumbnailName { get; set; }

    /// <summary>
    /// The thumbnail is still to be made by the background queue (portal photos: an anonymous
    /// request never decodes an image). Cleared when it is made or the photo cannot be decoded.
    /// </summary>
    public bool ThumbnailPending { get; set; }

    public string OriginalFileName { get; set; } = string.Empty;
    public PhotoFormat Format { get; set; }
    public long SizeBytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public PhotoSource Source { get; set; } = PhotoSource.Staff;
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }

    public string ContentType => PhotoContent.ContentType(Format);
}

public static class PhotoLimits
{
    /// <summary>A phone photo is 3 to 8 MB; 20 MB leaves room for a camera's without letting a video in.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxBytesInMegabytes = 20;

    /// <summary>Files in one upload request (the photo button without JavaScript sends them all at once).</summary>
    public const int MaxFilesPerUpload = 20;

    /// <summary>The request limit of the upload action: every file at its largest, plus the form around them.</summary>
    public const long MaxRequestBytes = (MaxBytes * MaxFilesPerUpload) + (1024 * 1024);

    public const int FileName = 255;
    public const int StoredName = 64;
    public const int ThumbnailSize = 320;
}

/// <summary>
/// The anonymous portal's far lower limits (issue 16): a customer sends a few phone photos of the
/// damage; a script must not fill the disk. Five of 10 MB a request, 100 MB of portal photos a job.
/// </summary>
public static class PortalPhotoLimits
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxBytesInMegabytes = 10;
    public const int MaxFilesPerUpload = 5;
    public const long MaxRequestBytes = (MaxBytes * MaxFilesPerUpload) + (1024 * 1024);
    public const long StoragePerJob = 100L * 1024 * 1024;
    public const int StoragePerJobInMegabytes = 100;
}
