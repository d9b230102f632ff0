using SkiaSharp;

namespace PlanManager.Web.Infrastructure.Photos;

/// <summary>What decoding an uploaded photo found: its size, and a small JPEG to list it with.</summary>
public sealed record PhotoPreview(int Width, int Height, byte[] Thumbnail);

/// <summary>Makes thumbnails once, at upload, with SkiaSharp.</summary>
public static class PhotoThumbnails
{
    /// <summary>A larger picture is not decoded (a "decompression bomb" could take the server's memory).</summary>
    public const long MaxPixels = 120_000_000;

    /// <summary>
    /// Decodes the photo at a reduced scale and returns a JPEG at most <paramref name="size"/> pixels
    /// wide or high, turned the way the camera says; null when it cannot be decoded (HEIC on most servers).
    /// </summary>
    public static PhotoPreview? Create(Stream content, int size)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.Create(content);
        if (data is null)
        {
            return null;
        }

        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            return null;
        }

        // JPEG decoders can scale down while decoding (1/2, 1/4, 1/8): far less memory than the full picture.
        var scale = Math.Min(1f, 2f * size / Math.Max(info.Width, info.Height));
        var decodeSize = codec.GetScaledDimensions(scale);
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        var ratio = Math.Min(1f, (float)size / Math.Max(decodeSize.Width, decodeSize.Height));
        var width = Math.Max(1, (int)Math.Round(decodeSize.Width * ratio));
        var height = Math.Max(1, (int)Math.Round(decodeSize.Height * ratio));
        using var resized = decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null)
        {
            return null;
        }

        using var oriented = Orient(resized, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(oriented);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return new PhotoPreview(info.Width, info.Height, jpeg.ToArray());
    }

    /// <summary>Phones store photos sideways and say so in EXIF; the thumbnail is stored upright.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, bitmap.Width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, bitmap.Width / 2f, bitmap.Height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, bitmap.Height / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); canvas.Scale(-1, 1); canvas.Translate(-bitmap.Width, 0); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
        }

        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
