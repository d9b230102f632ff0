using System.Linq.Expressions;

namespace PlanManager.Web.Domain;

/// <summary>
/// The job file of one car (J2). Its state changes only through its own methods; the stamps
/// (<see cref="CreatedAt"/>, <see cref="UpdatedAt"/>, <see cref="ConcurrencyStamp"/>) are set when
/// it is saved, and what follows from a change (a CAPS push owed) is noticed there too
/// (docs/decisions/0010-one-door-for-a-job.md).
/// </summary>
public class Job : IStamped
{
    private Job()
    {
    }

    public int Id { get; private set; }

    /// <summary>The number staff and customers know the job by; unique, allocated by <see cref="JobNumberCounter"/>.</summary>
    public int Number { get; private set; }

    public int RepairerId { get; private set; }
    public Repairer? Repairer { get; private set; }

    public string Registration { get; private set; } = string.Empty;
    public string RegistrationKey { get; private set; } = string.Empty;
    public string? Make { get; private set; }
    public string? Model { get; private set; }
    public string? Type { get; private set; }
    public string? Vin { get; private set; }
    public string? Colour { get; private set; }

    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public int? MileageAtEstimate { get; private set; }
    public int? MileageAtRepair { get; private set; }
    public DateOnly? EstimatedCompletionDate { get; private set; }
    public DateOnly? FirstRegistration { get; private set; }
    public DateOnly? ClientInformed { get; private set; }
    public DateOnly? BookOutDate { get; private set; }
    public DateTimeOffset? OffSiteDate { get; private set; }
    public bool VehicleIn { get; private set; }
    public DateTimeOffset? VehicleInSince { get; private set; }

    /// <summary>
    /// When the car came in for this repair, kept after it leaves: the start of the keys-to-keys
    /// time (R1). Ticking "vehicle in" again after an off site date starts a new visit.
    /// </summary>
    public DateTimeOffset? ArrivedAt { get; private set; }

    public string? VehicleDetails { get; private set; }
    public string? CommentsDamage { get; private set; }
    public DamageFlow DamageFlow { get; private set; } = DamageFlow.Standard;
    public string? CurrentTask { get; private set; }
    public JobStatus Status { get; private set; } = JobStatus.New;

    public string? ClaimNumber { get; private set; }
    public string? ClaimNumberKey { get; private set; }

    public int? OwnerId { get; private set; }
    public ThirdParty? Owner { get; private set; }
    public int? InsurerId { get; private set; }
    public ThirdParty? Insurer { get; private set; }
    public int? AgentId { get; private set; }
    public ThirdParty? Agent { get; private set; }

    public JobSource Source { get; private set; } = JobSource.Staff;

    /// <summary>When the customer last added photos on the portal (P4), until staff mark them seen.</summary>
    public DateTimeOffset? PortalPhotosAddedAt { get; private set; }

    /// <summary>Set when the job is first saved (or by <see cref="Backdate"/> for history brought in).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set on every save that changes the job.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changed on every save so two people editing the same job cannot overwrite each other unseen.</summary>
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    public List<JobLogEntry> Log { get; } = [];

    /// <summary>
    /// Properties a save may change without a new <see cref="ConcurrencyStamp"/>: notices beside the
    /// job file, so a customer's photos do not make a receptionist's open job screen stale.
    /// </summary>
    public static readonly IReadOnlySet<string> NoticeProperties = new HashSet<string>(StringComparer.Ordinal) { nameof(PortalPhotosAddedAt) };

    /// <summary>A new job with its number; use <c>OpenJob</c>, which takes the number and writes the first log line.</summary>
    public static Job Open(int number, JobSource source, JobDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var job = new Job { Number = number, Source = source };
        job.Edit(details);
        return job;
    }

    /// <summary>What staff can type on the job screen, as it is now.</summary>
    public JobDetails Details() => new(RepairerId, Registration)
    {
        Make = Make,
        Model = Model,
        Type = Type,
        Vin = Vin,
        Colour = Colour,
        StartDate = StartDate,
        EndDate = EndDate,
        MileageAtEstimate = MileageAtEstimate,
        MileageAtRepair = MileageAtRepair,
        EstimatedCompletionDate = EstimatedCompletionDate,
        FirstRegistration = FirstRegistration,
        ClientInformed = ClientInformed,
        BookOutDate = BookOutDate,
        VehicleDetails = VehicleDetails,
        CommentsDamage = CommentsDamage,
        DamageFlow = DamageFlow,
        CurrentTask = CurrentTask,
        Status = Status,
        ClaimNumber = ClaimNumber,
        OwnerId = OwnerId,
        InsurerId = InsurerId,
        AgentId = AgentId,
    };

    /// <summary>Replaces the typed fields (job screen, a platform's newer data); the search keys follow.</summary>
    public void Edit(JobDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        RepairerId = details.RepairerId;
        Registration = details.Registration;
        Make = details.Make;
        Model = details.Model;
        Type = details.Type;
        Vin = details.Vin;
        Colour = details.Colour;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        MileageAtEstimate = details.MileageAtEstimate;
        MileageAtRepair = details.MileageAtRepair;
        EstimatedCompletionDate = details.EstimatedCompletionDate;
        FirstRegistration = details.FirstRegistration;
        ClientInformed = details.ClientInformed;
        BookOutDate = details.BookOutDate;
        VehicleDetails = details.VehicleDetails;
        CommentsDamage = details.CommentsDamage;
        DamageFlow = details.DamageFlow;
        CurrentTask = details.CurrentTask;
        Status = details.Status;
        ClaimNumber = details.ClaimNumber;
        // Only the keys: the change tracker brings the navigations in line when the job is saved.
        OwnerId = details.OwnerId;
        InsurerId = details.InsurerId;
        AgentId = details.AgentId;
        RefreshSearchKeys();
    }

    /// <summary>A party created together with the job (a new customer typed on the job screen, an insurer a platform named).</summary>
    public void LinkNewParty(ThirdParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        switch (party.Kind)
        {
            case ThirdPartyKind.Owner:
                (OwnerId, Owner) = (party.Id == 0 ? null : party.Id, party);
                break;
            case ThirdPartyKind.Insurer:
                (InsurerId, Insurer) = (party.Id == 0 ? null : party.Id, party);
                break;
            default:
                (AgentId, Agent) = (party.Id == 0 ? null : party.Id, party);
                break;
        }
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
            // An untick and tick again (a correction) keeps the arrival; a car back after leaving is a new visit.
            if (ArrivedAt is null || OffSiteDate is not null)
            {
                ArrivedAt = now;
            }

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

    /// <summary>The customer added photos on the portal (P4): staff see a notice until they mark it seen.</summary>
    public void NotePortalPhotos(DateTimeOffset at) => PortalPhotosAddedAt = at;

    public void MarkPortalPhotosSeen() => PortalPhotosAddedAt = null;

    /// <summary>For history brought in (demo data, a file moved from another system): the day the job was really opened.</summary>
    public void Backdate(DateTimeOffset openedAt)
    {
        CreatedAt = openedAt;
        UpdatedAt = openedAt;
    }

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

    /// <summary>
    /// The negation of <see cref="FinishedForVehicleIn"/>: an open status and no off site date, written as
    /// "OffSiteDate IS NULL AND (Status = 0 OR Status = 1 ...)" so the database seeks each open status.
    /// </summary>
    public static Expression<Func<Job, bool>> OpenForVehicleIn()
    {
        var job = Expression.Parameter(typeof(Job), "j");
        var status = Expression.Property(job, nameof(Status));
        var open = Enum.GetValues<JobStatus>().Where(s => !JobStatusRules.Finished.Contains(s))
            .Select(s => (Expression)Expression.Equal(status, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        Expression noOffSite = Expression.Equal(Expression.Property(job, nameof(OffSiteDate)), Expression.Constant(null, typeof(DateTimeOffset?)));
        return Expression.Lambda<Func<Job, bool>>(Expression.AndAlso(noOffSite, open), job);
    }

    private void RefreshSearchKeys()
    {
        RegistrationKey = SearchKey.Normalize(Registration);
        var claim = SearchKey.Normalize(ClaimNumber);
        ClaimNumberKey = claim.Length == 0 ? null : claim;
    }
}
