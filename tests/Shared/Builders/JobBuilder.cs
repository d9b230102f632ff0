using PlanManager.Web.Domain;

namespace PlanManager.Tests.Builders;

/// <summary>Test data for jobs, made through the job's own door (<see cref="Job.Open"/>), with the defaults a real job would have.</summary>
public sealed class JobBuilder
{
    private static int s_nextNumber = 900_000;
    private readonly List<Action<Job>> _then = [];
    private readonly List<ThirdParty> _parties = [];
    private int _number = Interlocked.Increment(ref s_nextNumber);
    private JobSource _source = JobSource.Staff;
    private DateTimeOffset? _created;
    private JobDetails _details = new(1, "1-ABC-123") { Make = "BMW", Model = "3-SERIES 330E" };

    public JobBuilder Number(int number) { _number = number; return this; }
    public JobBuilder Repairer(int repairerId) => With(d => d with { RepairerId = repairerId });
    public JobBuilder Plate(string plate) => With(d => d with { Registration = plate });
    public JobBuilder Make(string? make, string? model = null) => With(d => d with { Make = make, Model = model });
    public JobBuilder Status(JobStatus status) => With(d => d with { Status = status });
    public JobBuilder Claim(string? claim) => With(d => d with { ClaimNumber = claim });
    public JobBuilder Completion(DateOnly date) => With(d => d with { EstimatedCompletionDate = date });
    public JobBuilder Source(JobSource source) { _source = source; return this; }
    public JobBuilder Created(DateTimeOffset at) { _created = at; return this; }
    public JobBuilder Inside() => Then(j => j.SetVehicleIn(true, DateTimeOffset.UtcNow));
    public JobBuilder InsideSince(DateTimeOffset since) => Then(j => j.SetVehicleIn(true, since));
    public JobBuilder OffSite(DateTimeOffset at) => Then(j => j.MarkOffSite(at));
    public JobBuilder PortalPhotos(DateTimeOffset at) => Then(j => j.NotePortalPhotos(at));

    /// <summary>An owner, insurer or agent, saved or not yet (it is saved with the job).</summary>
    public JobBuilder Party(ThirdParty party) { _parties.Add(party); return this; }
    public JobBuilder Owner(ThirdParty owner) => Party(owner);
    public JobBuilder Insurer(ThirdParty insurer) => Party(insurer);
    public JobBuilder Agent(ThirdParty agent) => Party(agent);

    /// <summary>Any other typed field.</summary>
    public JobBuilder With(Func<JobDetails, JobDetails> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _details = change(_details);
        return this;
    }

    public JobBuilder Then(Action<Job> change) { _then.Add(change); return this; }

    public Job Build()
    {
        var job = Job.Open(_number, _source, _details);
        foreach (var party in _parties)
        {
            job.LinkNewParty(party);
        }

        if (_created is { } created)
        {
            job.Backdate(created);
        }

        foreach (var change in _then)
        {
            change(job);
        }

        return job;
    }
}
