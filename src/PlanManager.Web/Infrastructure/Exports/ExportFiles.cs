using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.Web.Infrastructure.Exports;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>
    /// The folder for exported files, outside the web root. Empty: an "exports" folder under the photo folder (decision 0004),
    /// which every node already shares.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>How long a finished export is kept for its download; older files are deleted by the sweep.</summary>
    public TimeSpan Keep { get; set; } = TimeSpan.FromHours(24);

    public string SweepCron { get; set; } = "*/15 * * * *";

    /// <summary>Up to this many jobs an export is written in the request; more run in the background with their progress.</summary>
    public int DirectLimit { get; set; } = 1_000;

    /// <summary>Rows a workbook holds at most (the first ones in the list's order).</summary>
    public int ExcelLimit { get; set; } = 100_000;

    /// <summary>Rows a CSV holds at most.</summary>
    public int CsvLimit { get; set; } = 1_000_000;
}

/// <summary>
/// Files written by background exports and kept for a while for their download (decision 0022): each under a random,
/// unguessable name, written to a temporary name first and renamed when complete, so a download never reads half a file.
/// </summary>
public sealed partial class ExportFiles(IOptions<ExportOptions> options, TimeProvider clock, ILogger<ExportFiles> logger)
{
    public const string SweepJobId = "export-sweep";
    private const string Partial = ".part";

    private string Folder => options.Value.Folder ?? throw new InvalidOperationException("Exports:Folder is not resolved");

    /// <summary>Writes a new file with <paramref name="extension"/> (csv, xlsx) through <paramref name="write"/>; its name once complete.</summary>
    public async Task<(string Name, T Result)> WriteAsync<T>(string extension, Func<Stream, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(Folder);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "." + extension;
        var path = Path.Combine(Folder, name);
        var temporary = path + Partial;
        try
        {
            T result;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                result = await write(file);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path);
            return (name, result);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The file, or null if the name is not one this store gives or the file is gone (swept).</summary>
    public FileStream? OpenRead(string name)
    {
        if (!ValidName().IsMatch(name ?? string.Empty))
        {
            return null;
        }

        try
        {
            return new FileStream(Path.Combine(Folder, name!), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The recurring sweep: deletes files (and abandoned partial ones) older than <see cref="ExportOptions.Keep"/>.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return Task.FromResult(0);
        }

        var before = (clock.GetUtcNow() - options.Value.Keep).UtcDateTime;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc >= before)
            {
                continue;
            }

            try
            {
                file.Delete();
                deleted++;
            }
            catch (IOException e)
            {
                LogNotDeleted(logger, e, file.Name);
            }
        }

        return Task.FromResult(deleted);
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(csv|xlsx)$")]
    private static partial Regex ValidName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export file {Name} could not be deleted")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string name);
}

public static class ExportSetup
{
    public static IServiceCollection AddPlanManagerExports(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ExportOptions>()
            .Bind(configuration.GetSection(ExportOptions.Section))
            .PostConfigure<IOptions<PhotoStorageOptions>>((exports, photos) => exports.Folder = string.IsNullOrWhiteSpace(exports.Folder)
                ? Path.Combine(photos.Value.Folder ?? Path.Combine(environment.ContentRootPath, "App_Data"), "exports")
                : Path.GetFullPath(exports.Folder, environment.ContentRootPath))
            .Validate(o => o.DirectLimit >= 0 && o.ExcelLimit > 0 && o.CsvLimit > 0 && o.Keep > TimeSpan.Zero, "Exports: limits must be positive")
            .ValidateOnStart();
        services.AddSingleton<ExportFiles>();
        return services;
    }
}
