using PlanManager.Web.Features.Photos;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.UnitTests.Infrastructure;

public sealed class PhotoNamesTests
{
    [Fact]
    public void Generated_names_and_their_thumbnails_are_valid_storage_names()
    {
        var original = PhotoNames.NewOriginal(".heic");
        Assert.True(PhotoNames.IsValid(original));
        Assert.True(PhotoNames.IsValid(PhotoNames.ThumbnailOf(original)));
        Assert.EndsWith(".thumb.jpg", PhotoNames.ThumbnailOf(original), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../appsettings.json")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef.jpg/../x")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef.exe")]
    [InlineData("")]
    public void Anything_else_is_not_a_storage_name(string name) => Assert.False(PhotoNames.IsValid(name));

    [Theory]
    [InlineData(@"C:\Users\jan\Pictures\IMG_0001.JPG", "IMG_0001.JPG")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("  front\u0000left.jpg ", "frontleft.jpg")]
    [InlineData("", "photo")]
    public void The_name_shown_for_a_photo_has_no_folders_or_control_characters(string uploaded, string shown) =>
        Assert.Equal(shown, UploadPhotos.DisplayName(uploaded));
}
