using Microsoft.AspNetCore.Http;

namespace PlanManager.Sandbox;

/// <summary>Small real JPEGs of damaged cars, served as the platforms' photos.</summary>
public sealed class SandboxPhotos(IReadOnlyList<(string FileName, byte[] Content)> photos)
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public IReadOnlyList<(string FileName, byte[] Content)> All { get; } = photos;

    public static SandboxPhotos Load()
    {
        var assembly = typeof(SandboxPhotos).Assembly;
        var photos = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Sandbox.Photos.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return (n["Sandbox.Photos.".Length..], memory.ToArray());
            })
            .ToList();
        return new SandboxPhotos(photos);
    }

    /// <summary>The platforms accept JPEG, PNG and HEIC, judged by content like the real ones would.</summary>
    public static async Task<IResult?> RefuseAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return SandboxEndpoints.ValidationProblem("file", "A file is required.");
        }

        if (file.Length > MaxUploadBytes)
        {
            return Results.Problem(title: "File too large (over 20 MB)", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var head = new byte[12];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        var isJpeg = read >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
        var isPng = read >= 4 && head[0] == 0x89 && head[1] == 0x50 && head[2] == 0x4E && head[3] == 0x47;
        var brand = read >= 12 ? System.Text.Encoding.ASCII.GetString(head, 4, 8) : string.Empty;
        var isHeic = brand is "ftypheic" or "ftypheix" or "ftyphevc" or "ftypmif1";
        return isJpeg || isPng || isHeic ? null : Results.Problem(title: "Not a JPEG, PNG or HEIC image", statusCode: StatusCodes.Status415UnsupportedMediaType);
    }
}
