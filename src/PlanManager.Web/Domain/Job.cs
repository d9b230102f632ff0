using System.Linq.Expressions;

namespace PlanManager.Web.Domain;

/// <summary>The job file of one car (J2).</summary>
public class Job
{
    public int Id { get; set; }

    /// <summary>The number staff and customers know the job by; unique, allocated by <see cref="JobNumberCounter"/>.</summary>
    public int Number { get; set; }

    public int RepairerId { get; set; }
    public Repairer? Repairer { get; set; }

    public string Registration { get; set; } = string.Empty;
    public string RegistrationKey { get; private set; } = string.Empty;
    public string? Make { get; set; }
    public string? Model { get; set; }
    public string? Type { get; set; }
    public string? Vin { get; set; }
    public string? Colour { get; set; }

    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? MileageAtEstimate { get; set; }
    public int? MileageAtRepair { get; set; }
    public DateOnly? EstimatedCompletionDate { get; set; }
    public DateOnly? FirstRegistration { get; set; }
    public DateOnly? ClientInformed { get; set; }
    public DateOnly? BookOutDate { get; set; }
    public DateTimeOffset? OffSiteDate { get; private set; }
    public bool VehicleIn { get; private set; }
    public DateTimeOffset? VehicleInSince { get; private set; }

    public string? VehicleDetails { get; set; }
    public string? CommentsDamage { get; set; }
    public DamageFlow DamageFlow { get; set; } = DamageFlow.Standard;
    public string? CurrentTask { get; set; }
    public JobStatus Status { get; set; } = JobStatus.New;

    public string? ClaimNumber { get; set; }
    public string? ClaimNumberKey { get; private set; }

    public int? OwnerId { get; set; }
    public ThirdParty? Owner { get; set; }
    public int? InsurerId { get; set; }
    public ThirdParty? Insurer { get; set; }
    public int? AgentId { get; set; }
    public ThirdParty? Agent { get; set; }

    public JobSource Source { get; set; } = JobSource.Staff;

    /// <summary>When the customer last added photos on the portal (P4), until staff mark them seen.</summary>
    public DateTimeOffset? PortalPhotosAddedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changed on every save so two people editing the same job cannot overwrite each other unseen.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<JobLogEntry> Log { get; } = [];

    public void RefreshSearchKeys()
    {
        RegistrationKey = SearchKey.Normalize(Registration);
        var claim = SearchKey.Normalize(ClaimNumber);
        ClaimNumberKey = claim.Length == 0 ? null : claim;
    }

    /// <summary>Ticks or unticks "vehicle in"; returns whether anything changed.</summary>
    public bool SetVehicleIn(bool vehicleIn, DateTimeOffset now)
    {
        if (vehicleIn == VehicleIn)
        {
            return false;
        }

        VehicleIn = vehicleIn;
        VehicleInSince = vehicleIn ? now : null;
        if (vehicleIn)
        {
            // A car that comes back in is no longer off site.
            OffSiteDate = null;
        }

        return true;
    }

    /// <summary>
    /// The clock next to "Off site date" (J3): stamps the date now and unticks "vehicle in",
    /// so the car stops loading in the workshop and time-registration screens.
    /// </summary>
    public void MarkOffSite(DateTimeOffset now)
    {
        OffSiteDate = now;
        VehicleIn = false;
        VehicleInSince = null;
    }

    /// <summary>Clears a wrongly stamped off site date (the field is editable on the job screen).</summary>
    public void ClearOffSite() => OffSiteDate = null;

    /// <summary>A car still marked in whose job is finished slows the workshop screens (release notes 2021-12).</summary>
    public bool IsStaleVehicleIn => VehicleIn && IsFinishedForVehicleIn(Status, OffSiteDate);

    /// <summary>The job side of <see cref="IsStaleVehicleIn"/>: the status is finished or an off site date is set.</summary>
    public static bool IsFinishedForVehicleIn(JobStatus status, DateTimeOffset? offSiteDate) => status.IsFinished() || offSiteDate is not null;

    /// <summary>
    /// <see cref="IsStaleVehicleIn"/> as a query the database runs (Vehicles inside page). It leaves
    /// "VehicleIn" to the caller so the page can filter on the indexed column first.
    /// </summary>
    public static Expression<Func<Job, bool>> FinishedForVehicleIn()
    {
        // Built from JobStatusRules.Finished as constants (Status = 6 OR Status = 7 ...), so the rule has one source.
        var job = Expression.Parameter(typeof(Job), "j");
        Expression offSite = Expression.NotEqual(Expression.Property(job, nameof(OffSiteDate)), Expression.Constant(null, typeof(DateTimeOffset?)));
        var status = Expression.Property(job, nameof(Status));
        var body = JobStatusRules.Finished.Aggregate(offSite, (any, s) => Expression.OrElse(Expression.Equal(status, Expression.Constant(s)), any));
        return Expression.Lambda<Func<Job, bool>>(body, job);
    }
}
