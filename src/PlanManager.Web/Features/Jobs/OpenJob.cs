using System.Globalization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Jobs;

/// <summary>
/// The one way a job is created, whoever creates it (job screen, CAPS and AudatexUK queues, Claims360,
/// portal): the next job number, taken inside the caller's transaction (decision 0002), the job opened
/// with its details and source, and the "created" log line. Stamps and the CAPS push it may owe follow
/// when the caller saves (decision 0010).
/// </summary>
public sealed class OpenJob(PlanManagerDbContext db, JobLogWriter log)
{
    public async Task<Job> HandleAsync(JobSource source, JobDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var number = await JobNumberAllocator.NextAsync(db, cancellationToken);
        var job = Job.Open(number, source, details);
        log.Add(job, JobLogMessages.Created, number.ToString(CultureInfo.InvariantCulture), Platforms.LogPlatform(source));
        db.Jobs.Add(job);
        return job;
    }
}
