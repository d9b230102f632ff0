namespace PlanManager.Web.Domain;

/// <summary>
/// The fields of a job that people and platforms type (J2), as one value: the job screen, the
/// queues, the imports and the portal all change a job through <see cref="Job.Edit"/> with it.
/// </summary>
public sealed record JobDetails(int RepairerId, string Registration)
{
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Type { get; init; }
    public string? Vin { get; init; }
    public string? Colour { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? MileageAtEstimate { get; init; }
    public int? MileageAtRepair { get; init; }
    public DateOnly? EstimatedCompletionDate { get; init; }
    public DateOnly? FirstRegistration { get; init; }
    public DateOnly? ClientInformed { get; init; }
    public DateOnly? BookOutDate { get; init; }
    public string? VehicleDetails { get; init; }
    public string? CommentsDamage { get; init; }
    public DamageFlow DamageFlow { get; init; } = DamageFlow.Standard;
    public string? CurrentTask { get; init; }
    public JobStatus Status { get; init; } = JobStatus.New;
    public string? ClaimNumber { get; init; }
    public int? OwnerId { get; init; }
    public int? InsurerId { get; init; }
    public int? AgentId { get; init; }
}

/// <summary>
/// An entity with an <c>UpdatedAt</c> property that is stamped when a save changes it, never by hand
/// (<c>Data/StampsInterceptor</c>).
/// </summary>
#pragma warning disable CA1040 // A marker: the stamped property's type differs (nullable on connector settings).
public interface IChangeStamped;

/// <summary>An <see cref="IChangeStamped"/> entity whose <c>CreatedAt</c> is stamped when it is first saved.</summary>
public interface IStamped : IChangeStamped;
#pragma warning restore CA1040
