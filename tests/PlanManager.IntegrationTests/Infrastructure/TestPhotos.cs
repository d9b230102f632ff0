using SkiaSharp;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>Real image files made on the spot, so uploads go through a real decoder.</summary>
public static class TestPhotos
{
    public static byte[] Jpeg(int width = 800, int height = 600) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 400, int height = 300) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>The start of an iPhone HEIC ('ftyp' box, brand heic) and bytes no decoder here understands.</summary>
    public static byte[] Heic()
    {
        byte[] header = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];
        return [.. header, .. Enumerable.Repeat((byte)0x42, 4000)];
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Color = new SKColor(0x5B, 0x8D, 0xEF) };
            using var car = new SKPaint { Color = new SKColor(0xB9, 0x1C, 0x1C), IsAntialias = true };
            using var wheel = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawRect(0, 0, width, height, sky);
            canvas.DrawRoundRect(width * .15f, height * .45f, width * .7f, height * .25f, 30, 30, car);
            canvas.DrawRoundRect(width * .3f, height * .3f, width * .35f, height * .2f, 30, 30, car);
            canvas.DrawCircle(width * .3f, height * .72f, height * .08f, wheel);
            canvas.DrawCircle(width * .7f, height * .72f, height * .08f, wheel);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 85);
        return data.ToArray();
    }
}
