using System.ComponentModel.DataAnnotations;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Jobs;

/// <summary>Every field of the job screen (J2), as typed by the user.</summary>
public sealed class JobForm
{
    public int? Id { get; set; }
    public int? Number { get; set; }
    public Guid? ConcurrencyStamp { get; set; }

    /// <summary>The button pressed ("save").</summary>
    public string? Command { get; set; }

    [Display(Name = "Job.Repairer")]
    public int? RepairerId { get; set; }

    [Display(Name = "Job.Registration")]
    public string? Registration { get; set; }

    [Display(Name = "Job.Make")]
    public string? Make { get; set; }

    [Display(Name = "Job.Model")]
    public string? Model { get; set; }

    [Display(Name = "Job.Type")]
    public string? Type { get; set; }

    [Display(Name = "Job.Vin")]
    public string? Vin { get; set; }

    [Display(Name = "Job.Colour")]
    public string? Colour { get; set; }

    [Display(Name = "Job.StartDate")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Job.EndDate")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Job.MileageAtEstimate")]
    public int? MileageAtEstimate { get; set; }

    [Display(Name = "Job.MileageAtRepair")]
    public int? MileageAtRepair { get; set; }

    [Display(Name = "Job.EstimatedCompletionDate")]
    public DateOnly? EstimatedCompletionDate { get; set; }

    [Display(Name = "Job.FirstRegistration")]
    public DateOnly? FirstRegistration { get; set; }

    [Display(Name = "Job.ClientInformed")]
    public DateOnly? ClientInformed { get; set; }

    [Display(Name = "Job.BookOutDate")]
    public DateOnly? BookOutDate { get; set; }

    /// <summary>When the car left, in the bodyshop's time zone as typed (J3); the clock button stamps it now on its own.</summary>
    [Display(Name = "Job.OffSiteDate")]
    public DateTime? OffSiteAt { get; set; }

    [Display(Name = "Job.VehicleIn")]
    public bool VehicleIn { get; set; }

    [Display(Name = "Job.VehicleDetails")]
    public string? VehicleDetails { get; set; }

    [Display(Name = "Job.CommentsDamage")]
    public string? CommentsDamage { get; set; }

    [Display(Name = "Job.DamageFlow")]
    public DamageFlow DamageFlow { get; set; } = DamageFlow.Standard;

    [Display(Name = "Job.CurrentTask")]
    public string? CurrentTask { get; set; }

    [Display(Name = "Job.Status")]
    public JobStatus Status { get; set; } = JobStatus.New;

    [Display(Name = "Job.ClaimNumber")]
    public string? ClaimNumber { get; set; }

    [Display(Name = "Job.Owner")]
    public int? OwnerId { get; set; }

    /// <summary>Typed in the owner picker; a name without an id creates a new owner on save.</summary>
    [Display(Name = "Job.Owner")]
    public string? OwnerName { get; set; }

    [Display(Name = "Job.Insurer")]
    public int? InsurerId { get; set; }

    [Display(Name = "Job.Insurer")]
    public string? InsurerName { get; set; }

    [Display(Name = "Job.Agent")]
    public int? AgentId { get; set; }

    [Display(Name = "Job.Agent")]
    public string? AgentName { get; set; }

    [Display(Name = "Job.Source")]
    public JobSource Source { get; set; } = JobSource.Staff;

    public static JobForm From(Job job, DisplayTime time)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(time);
        return new JobForm
        {
            Id = job.Id,
            Number = job.Number,
            ConcurrencyStamp = job.ConcurrencyStamp,
            RepairerId = job.RepairerId,
            Registration = job.Registration,
            Make = job.Make,
            Model = job.Model,
            Type = job.Type,
            Vin = job.Vin,
            Colour = job.Colour,
            StartDate = job.StartDate,
            EndDate = job.EndDate,
            MileageAtEstimate = job.MileageAtEstimate,
            MileageAtRepair = job.MileageAtRepair,
            EstimatedCompletionDate = job.EstimatedCompletionDate,
            FirstRegistration = job.FirstRegistration,
            ClientInformed = job.ClientInformed,
            BookOutDate = job.BookOutDate,
            OffSiteAt = job.OffSiteDate is { } offSite ? ToMinute(time.Local(offSite).DateTime) : null,
            VehicleIn = job.VehicleIn,
            VehicleDetails = job.VehicleDetails,
            CommentsDamage = job.CommentsDamage,
            DamageFlow = job.DamageFlow,
            CurrentTask = job.CurrentTask,
            Status = job.Status,
            ClaimNumber = job.ClaimNumber,
            OwnerId = job.OwnerId,
            OwnerName = job.Owner?.Name,
            InsurerId = job.InsurerId,
            InsurerName = job.Insurer?.Name,
            AgentId = job.AgentId,
            AgentName = job.Agent?.Name,
            Source = job.Source,
        };
    }

    /// <summary>Off site times are typed and compared to the minute, as the field shows them.</summary>
    public static DateTime ToMinute(DateTime value) => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, DateTimeKind.Unspecified);

    /// <summary>The typed values as the job's details; vehicle in / off site and a new owner are handled by <see cref="SaveJob"/>.</summary>
    public JobDetails ToDetails() => new(RepairerId!.Value, Text.Clean(Registration)!.ToUpperInvariant())
    {
        Make = Text.Clean(Make),
        Model = Text.Clean(Model),
        Type = Text.Clean(Type),
        Vin = Text.Clean(Vin)?.ToUpperInvariant(),
        Colour = Text.Clean(Colour),
        StartDate = StartDate,
        EndDate = EndDate,
        MileageAtEstimate = MileageAtEstimate,
        MileageAtRepair = MileageAtRepair,
        EstimatedCompletionDate = EstimatedCompletionDate,
        FirstRegistration = FirstRegistration,
        ClientInformed = ClientInformed,
        BookOutDate = BookOutDate,
        VehicleDetails = Text.Clean(VehicleDetails),
        CommentsDamage = Text.Clean(CommentsDamage),
        DamageFlow = DamageFlow,
        CurrentTask = Text.Clean(CurrentTask),
        Status = Status,
        ClaimNumber = Text.Clean(ClaimNumber),
        OwnerId = OwnerId,
        InsurerId = InsurerId,
        AgentId = AgentId,
    };
}
