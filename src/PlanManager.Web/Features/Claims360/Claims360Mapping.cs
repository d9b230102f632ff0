using PlanManager.Web.Domain;
using Dto = PlanManager.Connectors.Claims360.Claims360Assignment;

namespace PlanManager.Web.Features.Claims360;

/// <summary>How a Claims360 assignment becomes a queue item and a job (C3); pure, so it is unit tested.</summary>
public static class Claims360Mapping
{
    /// <summary>Copies the assignment onto the queue item; returns false when the platform's version is not newer.</summary>
    public static bool Apply(Claims360Item item, Dto assignment)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(assignment);
        if (item.AssignmentNumber.Length > 0 && assignment.UpdatedAt <= item.PlatformUpdatedAt)
        {
            return false;
        }

        item.AssignmentNumber = assignment.AssignmentNumber.Trim();
        item.Complete = assignment.Complete;
        item.Work = Text.Clip(assignment.Work, JobLimits.ShortText);
        item.Make = Text.Clip(assignment.Make, JobLimits.ShortText);
        item.Model = Text.Clip(assignment.Model, JobLimits.ShortText);
        item.LicensePlate = Text.Clip(assignment.LicensePlate, JobLimits.Registration) ?? string.Empty;
        item.Vin = Text.Clip(assignment.Vin, Claims360Limits.Vin);
        item.Mileage = assignment.Mileage;
        item.CustomerName = Text.Clip(assignment.CustomerName, PartyLimits.Name);
        item.InsurerName = Text.Clip(assignment.InsurerName, PartyLimits.Name);
        item.ClaimNumber = Text.Clip(assignment.ClaimNumber, JobLimits.ClaimNumber);
        item.SmartExpertise = assignment.SmartExpertise;
        item.DossierId = Text.Clip(assignment.DossierId, Claims360Limits.DossierId);
        item.PlatformUpdatedAt = assignment.UpdatedAt;
        return true;
    }

    /// <summary>A new job's details from the item: the vehicle, the mileage and the claim.</summary>
    public static JobDetails NewJob(Claims360Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Merge(new JobDetails(item.RepairerId, item.LicensePlate), item);
    }

    /// <summary>A job's details brought in line with a changed assignment; empty platform fields never wipe what staff typed.</summary>
    public static JobDetails Merge(JobDetails details, Claims360Item item)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(item);
        return details with
        {
            Registration = item.LicensePlate,
            Make = item.Make ?? details.Make,
            Model = item.Model ?? details.Model,
            Vin = item.Vin is { Length: <= JobLimits.Vin } vin ? vin : details.Vin,
            MileageAtEstimate = item.Mileage ?? details.MileageAtEstimate,
            ClaimNumber = item.ClaimNumber ?? details.ClaimNumber,
        };
    }
}
