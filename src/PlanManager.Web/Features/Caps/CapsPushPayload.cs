using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PlanManager.Connectors.Caps;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Caps;

/// <summary>What PlanManager sends to CAPS for a job (PUT /v1/jobs/{jobNumber}, contracts/caps.yaml).</summary>
public static class CapsPushPayload
{
    /// <summary>The payload of an eligible job; its insurer, agent and owner must be loaded.</summary>
    public static CapsJobSync From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new CapsJobSync(
            JobNumber: job.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            InsurerCapsCode: job.Insurer?.CapsCode?.Trim() ?? string.Empty,
            AgentCapsCode: Clean(job.Agent?.CapsCode),
            OwnerCapsCode: Clean(job.Owner?.CapsCode),
            ClaimNumber: job.ClaimNumber?.Trim() ?? string.Empty,
            Registration: job.Registration.Trim(),
            Make: job.Make?.Trim() ?? string.Empty,
            Model: Clean(job.Model),
            Status: job.Status.ToString(),
            VehicleIn: job.VehicleIn,
            EstimatedCompletionDate: job.EstimatedCompletionDate,
            OffSiteDate: job.OffSiteDate);
    }

    public static CapsSyncFacts Facts(Job job, bool capsConfigured)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new CapsSyncFacts(capsConfigured, job.Number, job.Make, job.Registration, job.ClaimNumber, job.Insurer is not null, job.Insurer?.CapsCode);
    }

    /// <summary>A fingerprint of the payload: an edit that leaves it unchanged owes CAPS nothing.</summary>
    public static string Hash(CapsJobSync payload) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload))));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
