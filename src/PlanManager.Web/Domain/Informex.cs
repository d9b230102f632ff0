namespace PlanManager.Web.Domain;

/// <summary>
/// An insurance assignment received from Informex / Winformex II for a repairer's mailbox (Q4).
/// (RepairerId, AssignmentNumber) is unique: however often it arrives, it is one row. Received
/// even after Claims360 is switched on.
/// </summary>
public class InformexTransmission
{
    public int Id { get; set; }
    public int RepairerId { get; set; }
    public Repairer? Repairer { get; set; }
    public string AssignmentNumber { get; set; } = string.Empty;
    public string? InsurerName { get; set; }
    public string? ClaimNumber { get; set; }
    public string LicensePlate { get; set; } = string.Empty;

    /// <summary>The plate as a search key, so a job finds the transmissions of its car (the pick-list).</summary>
    public string LicensePlateKey { get; set; } = string.Empty;
    public string? Vin { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    public string? CustomerName { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>
/// A job's Winformex tab (C5): the second-circuit data, the bodyshop's own Informex dossier once
/// the job is sent ("i"), and the insurer's assignment it is linked to. One row per job.
/// </summary>
public class InformexJobFile : IChangeStamped
{
    public int JobId { get; set; }
    public Job? Job { get; set; }

    public string? Vin { get; set; }
    public DateOnly? FirstRegistration { get; set; }
    public int? Mileage { get; set; }
    public bool MileageUnknown { get; set; }
    public int? PowerKw { get; set; }
    public int? CylinderCc { get; set; }
    public int? Co2 { get; set; }
    public string? EngineType { get; set; }
    public bool? ParticleFilter { get; set; }
    public bool PreviousDamage { get; set; }
    public bool BreakIn { get; set; }
    public DateOnly? ArrivalAtRepairer { get; set; }
    public bool Immobilised { get; set; }
    public int? RepairDays { get; set; }

    /// <summary>Contrôle technique of the French second-circuit screen; null while nobody answered.</summary>
    public TechnicalInspection? TechnicalInspection { get; set; }

    /// <summary>What is to be inspected ("à contrôler"), only with <see cref="Domain.TechnicalInspection.ToInspect"/>.</summary>
    public InspectionPoints InspectionPoints { get; set; }

    /// <summary>The mailbox the dossier lives in (the repairer's at the time it was sent).</summary>
    public string? Mailbox { get; set; }

    /// <summary>The bodyshop's dossier; set once, never replaced (each dossier is billed).</summary>
    public string? DossierNumber { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The second-circuit assignment number: the insurer's original assignment.</summary>
    public string? AssignmentNumber { get; set; }

    /// <summary>When Informex accepted the link; null while it still has to be sent.</summary>
    public DateTimeOffset? LinkSentAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>"Pas de contrôle technique" / "Véhicule à contrôler" (seeds/informex-link-assignment.fr.txt).</summary>
public enum TechnicalInspection
{
    None = 1,
    ToInspect = 2,
}

/// <summary>
/// The numbered points "à contrôler" of the French screen, one bit per code (bit = 1 &lt;&lt; (code - 1)).
/// The seed shows codes 1 and 2 only; no other code is guessed (decision 0017).
/// </summary>
[Flags]
public enum InspectionPoints
{
    None = 0,
    Chassis = 1 << 0,
    Steering = 1 << 1,
}

public static class InspectionPointCodes
{
    /// <summary>The points in the order and with the numbers of the original screen.</summary>
    public static IReadOnlyList<(int Code, InspectionPoints Point)> All { get; } = [(1, InspectionPoints.Chassis), (2, InspectionPoints.Steering)];
}

public static class InformexLimits
{
    public const int AssignmentNumber = 50;
    public const int DossierNumber = 100;
    public const int EngineType = 50;
    public const int MaxPowerKw = 2_000;
    public const int MaxCylinderCc = 20_000;
    public const int MaxCo2 = 1_000;
    public const int MaxRepairDays = 365;

    /// <summary>An arrival at the repairer is at most this many days after today (an appointment a season ahead, not a typo of the year).</summary>
    public const int MaxArrivalDaysAhead = 90;
}
