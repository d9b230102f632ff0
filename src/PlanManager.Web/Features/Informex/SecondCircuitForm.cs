using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Informex;

/// <summary>
/// The Winformex tab's second-circuit data ("Gegevens 2e circuit" / "Données 2ème circuit") and
/// the photos ticked for sending. <see cref="Command"/> is "save" or "send" (the "i" button).
/// </summary>
public sealed class SecondCircuitForm
{
    public const string SendCommand = "send";

    public string? Command { get; set; }

    [Display(Name = "Informex.Vin")]
    public string? Vin { get; set; }

    [Display(Name = "Informex.FirstRegistration")]
    public DateOnly? FirstRegistration { get; set; }

    [Display(Name = "Informex.Mileage")]
    public int? Mileage { get; set; }

    [Display(Name = "Informex.MileageUnknown")]
    public bool MileageUnknown { get; set; }

    [Display(Name = "Informex.PowerKw")]
    public int? PowerKw { get; set; }

    [Display(Name = "Informex.CylinderCc")]
    public int? CylinderCc { get; set; }

    [Display(Name = "Informex.Co2")]
    public int? Co2 { get; set; }

    [Display(Name = "Informex.EngineType")]
    public string? EngineType { get; set; }

    [Display(Name = "Informex.ParticleFilter")]
    public bool? ParticleFilter { get; set; }

    [Display(Name = "Informex.PreviousDamage")]
    public bool PreviousDamage { get; set; }

    [Display(Name = "Informex.BreakIn")]
    public bool BreakIn { get; set; }

    [Display(Name = "Informex.ArrivalAtRepairer")]
    public DateOnly? ArrivalAtRepairer { get; set; }

    [Display(Name = "Informex.Immobilised")]
    public bool Immobilised { get; set; }

    [Display(Name = "Informex.RepairDays")]
    public int? RepairDays { get; set; }

    [Display(Name = "Informex.Section.TechnicalInspection")]
    public TechnicalInspection? TechnicalInspection { get; set; }

    /// <summary>The points ticked "to inspect".</summary>
    [Display(Name = "Informex.Inspection.Points")]
    public InspectionPoints[] Points { get; set; } = [];

    public InspectionPoints PointFlags => Points.Aggregate(InspectionPoints.None, (all, p) => all | p);

    /// <summary>The job photos ticked to go with the dossier.</summary>
    public int[] PhotoIds { get; set; } = [];

    public bool IsSend => string.Equals(Command, SendCommand, StringComparison.Ordinal);

    /// <summary>The saved data, or for a job never sent the job's own vehicle fields.</summary>
    public static SecondCircuitForm From(InformexJobFile? file, Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return file is null
            ? new SecondCircuitForm { Vin = job.Vin, FirstRegistration = job.FirstRegistration, Mileage = job.MileageAtRepair ?? job.MileageAtEstimate }
            : new SecondCircuitForm
            {
                Vin = file.Vin,
                FirstRegistration = file.FirstRegistration,
                Mileage = file.Mileage,
                MileageUnknown = file.MileageUnknown,
                PowerKw = file.PowerKw,
                CylinderCc = file.CylinderCc,
                Co2 = file.Co2,
                EngineType = file.EngineType,
                ParticleFilter = file.ParticleFilter,
                PreviousDamage = file.PreviousDamage,
                BreakIn = file.BreakIn,
                ArrivalAtRepairer = file.ArrivalAtRepairer,
                Immobilised = file.Immobilised,
                RepairDays = file.RepairDays,
                TechnicalInspection = file.TechnicalInspection,
                Points = InspectionPointCodes.All.Where(c => file.InspectionPoints.HasFlag(c.Point)).Select(c => c.Point).ToArray(),
            };
    }

    public void ApplyTo(InformexJobFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Vin = Text.Clean(Vin)?.ToUpperInvariant();
        file.FirstRegistration = FirstRegistration;
        file.Mileage = MileageUnknown ? null : Mileage;
        file.MileageUnknown = MileageUnknown;
        file.PowerKw = PowerKw;
        file.CylinderCc = CylinderCc;
        file.Co2 = Co2;
        file.EngineType = Text.Clean(EngineType);
        file.ParticleFilter = ParticleFilter;
        file.PreviousDamage = PreviousDamage;
        file.BreakIn = BreakIn;
        file.ArrivalAtRepairer = ArrivalAtRepairer;
        file.Immobilised = Immobilised;
        file.RepairDays = RepairDays;
        file.TechnicalInspection = TechnicalInspection;
        // Points ticked before "no inspection" was chosen are not kept.
        file.InspectionPoints = TechnicalInspection == Domain.TechnicalInspection.ToInspect ? PointFlags : InspectionPoints.None;
    }
}

public sealed class SecondCircuitFormValidator : AbstractValidator<SecondCircuitForm>
{
    public SecondCircuitFormValidator(IStringLocalizer<SharedResource> texts, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(clock);
        var tomorrow = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1));
        var latestArrival = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(InformexLimits.MaxArrivalDaysAhead + 1));
        RuleFor(f => f.Vin).Vin(texts);
        RuleFor(f => f.FirstRegistration).ReasonableDate(texts);
        RuleFor(f => f.FirstRegistration).Must(d => d is null || d.Value <= tomorrow).WithMessage(_ => texts["Job.Validation.FirstRegistrationFuture"]);
        RuleFor(f => f.Mileage).InclusiveBetween(0, JobLimits.MaxMileage);
        RuleFor(f => f.Mileage).Null().When(f => f.MileageUnknown).WithMessage(_ => texts["Informex.Validation.MileageOrUnknown"]);
        RuleFor(f => f.Mileage).NotNull().When(f => f.IsSend && !f.MileageUnknown).WithMessage(_ => texts["Informex.Validation.MileageRequired"]);
        RuleFor(f => f.PowerKw).InclusiveBetween(1, InformexLimits.MaxPowerKw);
        RuleFor(f => f.CylinderCc).InclusiveBetween(1, InformexLimits.MaxCylinderCc);
        RuleFor(f => f.Co2).InclusiveBetween(0, InformexLimits.MaxCo2);
        RuleFor(f => f.EngineType).MaximumLength(InformexLimits.EngineType).NoControlCharacters(texts);
        RuleFor(f => f.ArrivalAtRepairer).ReasonableDate(texts);
        RuleFor(f => f.ArrivalAtRepairer).Must(d => d is null || d.Value <= latestArrival)
            .WithMessage(_ => texts["Informex.Validation.ArrivalTooFarAhead", InformexLimits.MaxArrivalDaysAhead]);
        RuleFor(f => f.ArrivalAtRepairer)
            .GreaterThanOrEqualTo(f => f.FirstRegistration)
            .When(f => f.ArrivalAtRepairer is not null && f.FirstRegistration is not null)
            .WithMessage(_ => texts["Informex.Validation.ArrivalBeforeRegistration"]);
        RuleFor(f => f.RepairDays).InclusiveBetween(0, InformexLimits.MaxRepairDays);
        RuleFor(f => f.TechnicalInspection).IsInEnum();
        RuleFor(f => f.Points).Must(p => p.All(point => InspectionPointCodes.All.Any(c => c.Point == point)))
            .WithMessage(_ => texts["Informex.Validation.InspectionPoint"]);
        RuleFor(f => f.Points).NotEmpty().When(f => f.TechnicalInspection == Domain.TechnicalInspection.ToInspect)
            .WithMessage(_ => texts["Informex.Validation.PointsRequired"]);
        RuleFor(f => f.Command).Must(c => c is null or "save" or SecondCircuitForm.SendCommand);
    }
}

/// <summary>The second-circuit assignment number, picked from the received transmissions or typed by hand.</summary>
public sealed class SecondCircuitLinkForm
{
    /// <summary>The transmission ticked in the pick-list.</summary>
    public string? Picked { get; set; }

    /// <summary>A number typed by hand; it wins over the pick-list.</summary>
    [Display(Name = "Informex.TypeNumber")]
    public string? Typed { get; set; }

    [Display(Name = "Informex.AssignmentNumber")]
    public string? AssignmentNumber => string.IsNullOrWhiteSpace(Typed) ? Picked : Typed;
}

public sealed partial class SecondCircuitLinkFormValidator : AbstractValidator<SecondCircuitLinkForm>
{
    public SecondCircuitLinkFormValidator(IStringLocalizer<SharedResource> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RuleFor(f => f.AssignmentNumber).NotEmpty().MaximumLength(InformexLimits.AssignmentNumber).NoControlCharacters(texts)
            .Must(v => v is null || AssignmentPattern().IsMatch(v.Trim())).WithMessage(_ => texts["Informex.Validation.AssignmentNumber"]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z ./_-]*$")]
    private static partial System.Text.RegularExpressions.Regex AssignmentPattern();
}
