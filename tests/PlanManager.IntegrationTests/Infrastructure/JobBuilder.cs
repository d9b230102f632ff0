using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>Test data for jobs, with the defaults a real job would have.</summary>
public sealed class JobBuilder
{
    private readonly Job _job = new()
    {
        Registration = "1-ABC-123",
        Make = "BMW",
        Model = "3-SERIES 330E",
        Status = JobStatus.New,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    public JobBuilder Number(int number) { _job.Number = number; return this; }
    public JobBuilder Repairer(int repairerId) { _job.RepairerId = repairerId; return this; }
    public JobBuilder Plate(string plate) { _job.Registration = plate; return this; }
    public JobBuilder Status(JobStatus status) { _job.Status = status; return this; }
    public JobBuilder Claim(string claim) { _job.ClaimNumber = claim; return this; }
    public JobBuilder Owner(ThirdParty owner) { _job.Owner = owner; return this; }
    public JobBuilder Created(DateTimeOffset at) { _job.CreatedAt = at; return this; }
    public JobBuilder Inside() { _job.SetVehicleIn(true, DateTimeOffset.UtcNow); return this; }
    public JobBuilder InsideSince(DateTimeOffset since) { _job.SetVehicleIn(true, since); return this; }
    public JobBuilder Completion(DateOnly date) { _job.EstimatedCompletionDate = date; return this; }

    public Job Build()
    {
        _job.RefreshSearchKeys();
        return _job;
    }
}
