using System.Text;

namespace PlanManager.Web.Domain;

/// <summary>
/// Tells what an uploaded file really is from its first bytes (its "magic number"). The file
/// name's extension and the browser's Content-Type are chosen by the sender and not trusted.
/// </summary>
public static class PhotoContent
{
    /// <summary>Enough bytes for every signature below, including a HEIF 'ftyp' box with a few compatible brands.</summary>
    public const int HeaderLength = 64;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // ISO/IEC 23008-12 (HEIF) brands of HEVC-coded images and sequences, as iPhones and Android phones write them.
    private static readonly string[] HeicBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"];

    // Generic HEIF brands; the file is HEIC only if a HEVC brand is among its compatible brands (else it may be AVIF).
    private static readonly string[] GenericHeifBrands = ["mif1", "msf1"];

    public static PhotoFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (header.StartsWith(Png))
        {
            return PhotoFormat.Png;
        }

        return IsHeic(header) ? PhotoFormat.Heic : null;
    }

    public static string ContentType(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        _ => "image/heic",
    };

    public static string Extension(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => ".jpg",
        PhotoFormat.Png => ".png",
        _ => ".heic",
    };

    private static bool IsHeic(ReadOnlySpan<byte> header)
    {
        // An ISO base media file starts with a box: 4 bytes size, "ftyp", major brand, minor version, compatible brands.
        if (header.Length < 12 || !header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var boxSize = (int)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header), int.MaxValue);
        if (boxSize < 16)
        {
            return false;
        }

        var major = Brand(header, 8);
        if (HeicBrands.Contains(major))
        {
            return true;
        }

        if (!GenericHeifBrands.Contains(major))
        {
            return false;
        }

        var end = Math.Min(boxSize, header.Length);
        for (var offset = 16; offset + 4 <= end; offset += 4)
        {
            if (HeicBrands.Contains(Brand(header, offset)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Brand(ReadOnlySpan<byte> header, int offset) => Encoding.ASCII.GetString(header.Slice(offset, 4));
}
