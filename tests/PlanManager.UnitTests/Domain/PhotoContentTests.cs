using System.Text;
using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class PhotoContentTests
{
    private static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + (4 * compatible.Length);
        var bytes = new List<byte> { 0, 0, 0, (byte)size };
        bytes.AddRange(Encoding.ASCII.GetBytes("ftyp" + major));
        bytes.AddRange([0, 0, 0, 0]);
        foreach (var brand in compatible)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes(brand));
        }

        bytes.AddRange(new byte[40]);
        return [.. bytes];
    }

    [Fact]
    public void A_file_starting_with_the_jpeg_marker_is_a_jpeg() =>
        Assert.Equal(PhotoFormat.Jpeg, PhotoContent.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46]));

    [Fact]
    public void A_file_starting_with_the_png_signature_is_a_png() =>
        Assert.Equal(PhotoFormat.Png, PhotoContent.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));

    [Theory]
    [InlineData("heic")]
    [InlineData("heix")]
    [InlineData("hevc")]
    public void An_iso_media_file_with_a_hevc_image_brand_is_heic(string brand) =>
        Assert.Equal(PhotoFormat.Heic, PhotoContent.Detect(Ftyp(brand, "mif1", brand)));

    [Fact]
    public void A_generic_heif_file_is_heic_only_when_a_hevc_brand_is_compatible()
    {
        Assert.Equal(PhotoFormat.Heic, PhotoContent.Detect(Ftyp("mif1", "mif1", "heic")));
        Assert.Null(PhotoContent.Detect(Ftyp("mif1", "mif1", "avif")));
    }

    [Theory]
    [InlineData("avif")]
    [InlineData("isom")]
    [InlineData("qt  ")]
    public void Other_iso_media_files_such_as_avif_or_video_are_refused(string brand) =>
        Assert.Null(PhotoContent.Detect(Ftyp(brand, "mp41")));

    [Theory]
    [InlineData("Hello, this is a text file renamed to .jpg")]
    [InlineData("GIF89a......")]
    [InlineData("%PDF-1.7")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>")]
    public void Files_that_are_not_photos_are_refused_whatever_their_name(string content) =>
        Assert.Null(PhotoContent.Detect(Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void An_empty_or_truncated_file_is_refused()
    {
        Assert.Null(PhotoContent.Detect([]));
        Assert.Null(PhotoContent.Detect([0xFF, 0xD8]));
        Assert.Null(PhotoContent.Detect([0x89, 0x50, 0x4E, 0x47]));
        Assert.Null(PhotoContent.Detect(Encoding.ASCII.GetBytes("\0\0\0\x18ftyp")));
    }

    [Fact]
    public void A_declared_ftyp_box_smaller_than_its_header_is_refused()
    {
        var bytes = Ftyp("mif1", "heic");
        bytes[3] = 8;
        Assert.Null(PhotoContent.Detect(bytes));
    }
}
