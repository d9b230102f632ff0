using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Infrastructure.Photos;
using SkiaSharp;

namespace PlanManager.IntegrationTests.Photos;

/// <summary>Issue 16, item 8: a phone photo loses its GPS position, camera and notes at upload, and keeps its orientation.</summary>
public sealed class PhotoMetadataTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    [Fact]
    public async Task An_uploaded_jpeg_is_stored_without_gps_or_other_metadata_and_still_upright()
    {
        var repairer = await FirstRepairerIdAsync();
        var jobId = await Factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(7900).Repairer(repairer).Build();
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        var original = JpegFromAPhone(TestPhotos.Jpeg(800, 600));
        Assert.Equal(SKEncodedOrigin.RightTop, OriginOf(original));

        var page = await Browser.GetPageAsync($"/jobs/{jobId}");
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "form[data-photo-upload]")),
            "__RequestVerificationToken" } };
        var file = new ByteArrayContent(original);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
        form.Add(file, "files", "IMG_0001.jpg");
        using var response = await Browser.Http.PostAsync($"/jobs/{jobId}/photos", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var photo = await Factory.WithDbAsync(db => db.JobPhotos.SingleAsync(p => p.JobId == jobId));
        var folder = Factory.Services.GetRequiredService<IOptions<PhotoStorageOptions>>().Value.Folder!;
        var stored = await File.ReadAllBytesAsync(Path.Combine(folder, photo.StoredName[..2], photo.StoredName));
        var text = Encoding.Latin1.GetString(stored);

        foreach (var secret in new[] { "SecretCam", "GPSLatitude", "Owner: J. Peeters" })
        {
            Assert.Contains(secret, Encoding.Latin1.GetString(original), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        // One EXIF segment is left, with one tag (orientation), and the picture decodes the same way round.
        Assert.Equal(1, CountOf(text, "Exif\0\0"));
        Assert.Equal(SKEncodedOrigin.RightTop, OriginOf(stored));
        Assert.Equal(stored.Length, photo.SizeBytes);
        Assert.True(stored.Length < original.Length);
        using var thumbnail = SKBitmap.Decode(Path.Combine(folder, photo.ThumbnailName![..2], photo.ThumbnailName));
        Assert.True(thumbnail.Height > thumbnail.Width, "the thumbnail is upright (portrait) as the phone held it");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static SKEncodedOrigin OriginOf(byte[] jpeg)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(jpeg));
        return codec.EncodedOrigin;
    }

    /// <summary>A JPEG as a phone writes it: EXIF (camera, orientation 6, a GPS block), XMP with a position, and a comment.</summary>
    internal static byte[] JpegFromAPhone(byte[] jpeg)
    {
        var tiff = new byte[90];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 3);
        Entry(tiff, 10, 0x010F, 2, 10, 50);                 // Make -> "SecretCam"
        Entry(tiff, 22, 0x0112, 3, 1, 6);                   // Orientation: rotate 90° to show
        Entry(tiff, 34, 0x8825, 4, 1, 60);                  // GPS IFD at 60
        "SecretCam\0"u8.CopyTo(tiff.AsSpan(50));
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(60), 2);
        Entry(tiff, 62, 0x0000, 1, 4, 0x00000202);          // GPSVersionID 2.2.0.0
        Entry(tiff, 74, 0x0001, 2, 2, 'N');                 // GPSLatitudeRef "N"
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];
        byte[] xmp = [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta><exif:GPSLatitude>50,51.3N</exif:GPSLatitude></x:xmpmeta>"u8];
        byte[] comment = [.. "Owner: J. Peeters"u8];
        return [.. jpeg[..2], .. Segment(0xE1, exif), .. Segment(0xE1, xmp), .. Segment(0xFE, comment), .. jpeg[2..]];
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        if (type == 3)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 8), (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
        }
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[payload.Length + 4];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment.AsSpan(4));
        return segment;
    }
}
