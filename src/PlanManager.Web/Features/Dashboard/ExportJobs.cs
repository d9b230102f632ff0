using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Progress;
using PlanManager.Web.Infrastructure.Exports;

namespace PlanManager.Web.Features.Dashboard;

/// <summary>What pressing Excel or CSV gives: the file at once (a few jobs), or work in the background to follow.</summary>
public abstract record ExportStart
{
    public sealed record Direct : ExportStart;

    public sealed record Started(int ProgressId) : ExportStart;
}

/// <summary>
/// Excel or CSV pressed on the job list or the Reports page (decision 0022): up to <see cref="ExportOptions.DirectLimit"/> jobs
/// (and within the format's limit) the file is written in the request as before; more start <see cref="ExportJobsWork"/>,
/// joined by a second press of the same user on the same list and format while it runs.
/// </summary>
public sealed class ExportJobs(JobExport export, BackgroundWorks works, IOptions<ExportOptions> options, IHttpContextAccessor http)
{
    public async Task<ExportStart> HandleAsync(JobListQuery query, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Page = null;
        query.Size = null;
        var direct = Math.Min(options.Value.DirectLimit, export.Limit(format));
        if (await export.CountAsync(query, direct + 1, cancellationToken) <= direct)
        {
            return new ExportStart.Direct();
        }

        var arguments = new ExportJobsWork.Arguments(query, format, CultureInfo.CurrentUICulture.Name);
        var ticket = await works.StartAsync<ExportJobsWork>(arguments, JoinKey(arguments), cancellationToken);
        return new ExportStart.Started(ticket.Id);
    }

    /// <summary>Who asked and what: a hash, as the list's query can be longer than the key's column.</summary>
    private string JoinKey(ExportJobsWork.Arguments arguments)
    {
        var text = (http.HttpContext?.User.Identity?.Name ?? string.Empty) + "\n" + JsonSerializer.Serialize(arguments);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>
/// The download of a background export: only for who started it, while the file is kept (<see cref="ExportOptions.Keep"/>);
/// anyone else, and a swept file, find nothing.
/// </summary>
public sealed class ExportDownload(PlanManagerDbContext db, ExportFiles files, JobExport export)
{
    public sealed record File(Stream Content, string ContentType, string FileName);

    public async Task<File?> HandleAsync(string name, string? user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }

        var url = ExportJobsWork.DownloadPath + name;
        var made = await db.WorkProgress.AsNoTracking()
            .Where(w => w.ResultUrl == url && w.StartedBy == user && w.State == WorkState.Succeeded && w.Kind == nameof(ExportJobsWork))
            .OrderBy(w => w.Id).Select(w => (DateTimeOffset?)w.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (made is not { } startedAt || files.OpenRead(name) is not { } content)
        {
            return null;
        }

        var format = name.EndsWith(".xlsx", StringComparison.Ordinal) ? ExportFormat.Xlsx : ExportFormat.Csv;
        return new File(content, JobExport.ContentType(format), export.FileName(format, startedAt));
    }
}
