using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PlanManager.Web.Features.Dashboard;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Progress;
using PlanManager.Web.Infrastructure.Exports;

namespace PlanManager.Bench;

/// <summary>
/// The job list's exports at full size (every job, the list's default order), run as the background work runs them
/// (<see cref="ExportJobsWork"/>, decision 0022): rows, seconds, bytes of the file and the process's peak memory after each.
/// Run first in the background command, so the peak is the exports' own and not an import's.
/// </summary>
internal static class BenchExports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<BenchBackground.Result>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var results = new List<BenchBackground.Result>();
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            await using var scope = services.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredKeyedService<IBackgroundWork>(nameof(ExportJobsWork));
            var arguments = JsonSerializer.Serialize(new ExportJobsWork.Arguments(new JobListQuery(), format, "en"), Json);
            var progress = new CountingProgress();
            var watch = Stopwatch.StartNew();
            var outcome = await work.RunAsync(arguments, progress, cancellationToken);
            watch.Stop();
            var folder = scope.ServiceProvider.GetRequiredService<IOptions<ExportOptions>>().Value.Folder!;
            var file = new FileInfo(Path.Combine(folder, outcome.ResultUrl!.Split('/')[^1]));
            var bytes = file.Length;
            file.Delete();
            using var process = Process.GetCurrentProcess();
            var peak = process.PeakWorkingSet64 / (1024 * 1024);
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{progress.Done} rows{(outcome.MessageKey == "Export.DoneCapped" ? " (capped)" : string.Empty)}, {bytes} bytes, peak working set {peak} MB, {progress.Reports} progress reports");
            results.Add(new BenchBackground.Result($"Job list export to {format} in the background (every job)", watch.Elapsed.TotalSeconds, 0, detail));
        }

        return results;
    }

    private sealed class CountingProgress : IWorkProgress
    {
        public int Done { get; private set; }

        public int Reports { get; private set; }

        public Task ReportAsync(int done, int? total, string stepKey, CancellationToken cancellationToken)
        {
            Done = done;
            Reports++;
            return Task.CompletedTask;
        }
    }
}
