using Microsoft.Extensions.Options;

namespace PlanManager.Web.Infrastructure.Photos;

public sealed class PhotoStorageOptions
{
    public const string Section = "Photos";

    /// <summary>
    /// The folder for photo files, outside the web root. Empty: a "photos" folder beside the SQLite
    /// database (App_Data/photos by default), or App_Data/photos under the app with SQL Server.
    /// Several web nodes need a shared folder here (or an object store behind <see cref="IPhotoStorage"/>).
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>
    /// How many photos of a platform's dossiers an import fetches and stores at once (issue 18): the downloads
    /// wait on the network, so a few at a time keep two cores busy; each works in its own scope.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 32)]
    public int CopyParallelism { get; set; } = 8;
}

/// <summary>Photos as files in one folder, spread over sub-folders by the first two letters of their generated name.</summary>
public sealed class LocalDiskPhotoStorage : IPhotoStorage
{
    private readonly string _root;

    public LocalDiskPhotoStorage(IOptions<PhotoStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.GetFullPath(options.Value.Folder ?? throw new InvalidOperationException("Photos:Folder is not resolved"));
    }

    public string Root => _root;

    public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written under a temporary name and renamed, so a reader never sees half a file.
        var temporary = path + ".part";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    private string PathOf(string name)
    {
        // Names are generated; this refuses anything else, so no request can reach outside the folder.
        if (!PhotoNames.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a photo storage name.", nameof(name));
        }

        return Path.Combine(_root, name[..2], name);
    }
}
