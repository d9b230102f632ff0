using System.Buffers.Binary;
using PlanManager.Web.Domain;
using SkiaSharp;

namespace PlanManager.Web.Infrastructure.Photos;

/// <summary>
/// Removes what a photo says about where and by whom it was taken (EXIF with GPS, XMP, IPTC,
/// comments) before it is stored or sent on to an insurer. The picture itself is not re-encoded
/// (no loss, no CPU spent decoding in the request): metadata segments are dropped byte by byte,
/// and for JPEG the one tag that changes how it looks, the orientation, is written back alone.
/// </summary>
public static class PhotoMetadata
{
    private static readonly byte[] IccProfile = "ICC_PROFILE\0"u8.ToArray();
    private static readonly byte[] Adobe = "Adobe"u8.ToArray();

    public static byte[] Strip(byte[] content, PhotoFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        return format switch
        {
            PhotoFormat.Jpeg => StripJpeg(content),
            PhotoFormat.Png => StripPng(content),
            // HEIC keeps its boxes: no decoder here reads it, so it is stored as it came (see docs/reliability.md).
            _ => content,
        };
    }

    private static byte[] StripJpeg(byte[] data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return data;
        }

        var origin = OriginOf(data);
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        if (origin is not SKEncodedOrigin.TopLeft)
        {
            output.Write(OrientationSegment((ushort)origin));
        }

        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                break;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            // Start of scan (or end of image): the picture data follows, copied as it is.
            if (marker is 0xDA or 0xD9)
            {
                break;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write(data, position, 2);
                position += 2;
                continue;
            }

            var length = (data[position + 2] << 8) | data[position + 3];
            if (length < 2 || position + 2 + length > data.Length)
            {
                break;
            }

            if (KeepJpegSegment(marker, data.AsSpan(position + 4, length - 2)))
            {
                output.Write(data, position, length + 2);
            }

            position += length + 2;
        }

        output.Write(data, position, data.Length - position);
        return output.ToArray();
    }

    /// <summary>JFIF (APP0), the colour profile (APP2 ICC) and Adobe's colour transform (APP14) change how the picture looks; the rest is metadata.</summary>
    private static bool KeepJpegSegment(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => true,
        0xE2 => payload.StartsWith(IccProfile),
        0xEE => payload.StartsWith(Adobe),
        >= 0xE1 and <= 0xEF => false,
        0xFE => false,
        _ => true,
    };

    private static SKEncodedOrigin OriginOf(byte[] data)
    {
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream);
        return codec?.EncodedOrigin ?? SKEncodedOrigin.TopLeft;
    }

    /// <summary>An APP1 EXIF segment with one tag: Orientation (0x0112), big-endian TIFF.</summary>
    private static byte[] OrientationSegment(ushort orientation)
    {
        var segment = new byte[36];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), 34);
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        "MM\0*"u8.CopyTo(segment.AsSpan(10));
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(14), 8);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(18), 1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(20), 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(22), 3);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(24), 1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(28), orientation);
        return segment;
    }

    /// <summary>PNG: drops the EXIF, text and time chunks; every chunk that draws the picture stays.</summary>
    private static byte[] StripPng(byte[] data)
    {
        const int signature = 8;
        if (data.Length < signature)
        {
            return data;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, signature);
        var position = signature;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position));
            if (length > int.MaxValue - 12 || position + 12 + (long)length > data.Length)
            {
                break;
            }

            var type = System.Text.Encoding.ASCII.GetString(data, position + 4, 4);
            var size = (int)length + 12;
            if (type is not ("eXIf" or "tEXt" or "zTXt" or "iTXt" or "tIME"))
            {
                output.Write(data, position, size);
            }

            position += size;
        }

        output.Write(data, position, data.Length - position);
        return output.ToArray();
    }
}
