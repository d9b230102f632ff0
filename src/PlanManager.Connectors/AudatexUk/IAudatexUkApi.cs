using Refit;

namespace PlanManager.Connectors.AudatexUk;

/// <summary>AudatexUK Claims, contracts/audatex-uk.yaml. The bearer token is added by the credentials handler.</summary>
public interface IAudatexUkApi
{
    /// <summary>GET /v1/claims?status=new: claims offered to the bodyshop.</summary>
    [Get("/v1/claims")]
    Task<AudatexClaimsResponse> GetClaimsAsync([Query] string status = "new", CancellationToken cancellationToken = default);

    /// <summary>POST /v1/claims/{claimId}/accept. 409 once decided.</summary>
    [Post("/v1/claims/{claimId}/accept")]
    Task AcceptClaimAsync(string claimId, [Body] AudatexAcceptRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/claims/{claimId}/reject with the required reason.</summary>
    [Post("/v1/claims/{claimId}/reject")]
    Task RejectClaimAsync(string claimId, [Body] AudatexRejectRequest request, CancellationToken cancellationToken = default);
}

public sealed record AudatexClaimsResponse(IReadOnlyList<AudatexClaim> Claims);

public sealed record AudatexClaim(
    string ClaimId,
    string ClaimNumber,
    string? InsurerName,
    string Registration,
    string? Make,
    string? Model,
    string? CustomerName,
    string? CustomerPhone,
    DateOnly? IncidentDate,
    DateTimeOffset NotifiedAt);

public sealed record AudatexAcceptRequest(string JobNumber);

public sealed record AudatexRejectRequest(string Reason);
