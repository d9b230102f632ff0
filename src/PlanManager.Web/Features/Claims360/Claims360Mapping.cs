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
        item.Work = Clip(assignment.Work, 100);
        item.Make = Clip(assignment.Make, 100);
        item.Model = Clip(assignment.Model, 100);
        item.LicensePlate = Clip(assignment.LicensePlate, 20) ?? string.Empty;
        item.Vin = Clip(assignment.Vin, 30);
        item.Mileage = assignment.Mileage;
        item.CustomerName = Clip(assignment.CustomerName, 200);
        item.InsurerName = Clip(assignment.InsurerName, 200);
        item.ClaimNumber = Clip(assignment.ClaimNumber, 50);
        item.SmartExpertise = assignment.SmartExpertise;
        item.DossierId = Clip(assignment.DossierId, 100);
        item.PlatformUpdatedAt = assignment.UpdatedAt;
        return true;
    }

    /// <summary>A new job for the item: the vehicle, the mileage and the claim; the platform is its source.</summary>
    public static Job NewJob(Claims360Item item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        var job = new Job { RepairerId = item.RepairerId, CreatedAt = now, UpdatedAt = now, Source = JobSource.Claims360 };
        ApplyTo(job, item);
        return job;
    }

    /// <summary>Brings a job in line with a changed assignment; empty platform fields never wipe what staff typed.</summary>
    public static void ApplyTo(Job job, Claims360Item item)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(item);
        job.Registration = item.LicensePlate;
        job.Make = item.Make ?? job.Make;
        job.Model = item.Model ?? job.Model;
        job.Vin = item.Vin is { Length: <= JobLimits.Vin } vin ? vin : job.Vin;
        job.MileageAtEstimate = item.Mileage ?? job.MileageAtEstimate;
        job.ClaimNumber = item.ClaimNumber ?? job.ClaimNumber;
        job.RefreshSearchKeys();
    }

    private static string? Clip(string? value, int max)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= max ? trimmed : trimmed[..max];
    }
}
