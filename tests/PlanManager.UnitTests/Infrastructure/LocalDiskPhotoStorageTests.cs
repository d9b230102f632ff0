using Microsoft.Extensions.Options;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.UnitTests.Infrastructure;

public sealed class LocalDiskPhotoStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planmanager-unit-photos", Guid.NewGuid().ToString("N"));
    private readonly LocalDiskPhotoStorage _storage;

    public LocalDiskPhotoStorageTests() => _storage = new LocalDiskPhotoStorage(Options.Create(new PhotoStorageOptions { Folder = _folder }));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_saved_photo_reads_back_and_is_gone_after_delete()
    {
        var name = PhotoNames.NewOriginal(".jpg");
        await _storage.SaveAsync(name, new MemoryStream([1, 2, 3]), CancellationToken.None);

        await using (var stream = await _storage.OpenReadAsync(name, CancellationToken.None))
        {
            Assert.NotNull(stream);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal([1, 2, 3], copy.ToArray());
        }

        Assert.Single(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories));
        await _storage.DeleteAsync(name, CancellationToken.None);
        Assert.Null(await _storage.OpenReadAsync(name, CancellationToken.None));
        await _storage.DeleteAsync(name, CancellationToken.None);
    }

    [Fact]
    public async Task A_name_that_was_not_generated_is_refused_so_nothing_outside_the_folder_is_reached()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.OpenReadAsync("../../appsettings.json", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.SaveAsync("x.jpg", new MemoryStream(), CancellationToken.None));
    }

    [Fact]
    public async Task A_copy_that_fails_halfway_leaves_no_file_behind()
    {
        var name = PhotoNames.NewOriginal(".jpg");
        await Assert.ThrowsAsync<IOException>(() => _storage.SaveAsync(name, new FailingStream(), CancellationToken.None));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories));
    }

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream()
            : base(new byte[100_000])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 1 ? throw new IOException("connection lost") : base.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ++_reads > 1 ? throw new IOException("connection lost") : base.ReadAsync(buffer, offset, count, cancellationToken);
    }
}
