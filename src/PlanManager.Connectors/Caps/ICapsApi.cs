using Refit;

namespace PlanManager.Connectors.Caps;

/// <summary>CAPS (UK), contracts/caps.yaml. Credentials (X-Caps-Api-Key, X-Caps-Site) are added by the credentials handler.</summary>
public interface ICapsApi
{
    /// <summary>GET /v1/offers: the open offers for this site.</summary>
    [Get("/v1/offers")]
    Task<CapsOffersResponse> GetOffersAsync(CancellationToken cancellationToken = default);

    /// <summary>POST /v1/offers/{offerId}/accept. 409 once decided, so a repeat is harmless.</summary>
    [Post("/v1/offers/{offerId}/accept")]
    Task AcceptOfferAsync(string offerId, [Body] CapsAcceptRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/offers/{offerId}/decline with the required reason.</summary>
    [Post("/v1/offers/{offerId}/decline")]
    Task DeclineOfferAsync(string offerId, [Body] CapsDeclineRequest request, CancellationToken cancellationToken = default);

    /// <summary>PUT /v1/jobs/{jobNumber}: create or update the job in CAPS; idempotent per job number.</summary>
    [Put("/v1/jobs/{jobNumber}")]
    Task<CapsJobSyncResponse> PutJobAsync(string jobNumber, [Body] CapsJobSync job, CancellationToken cancellationToken = default);
}

public sealed record CapsOffersResponse(IReadOnlyList<CapsOffer> Offers);

public sealed record CapsOffer(
    string OfferId,
    string ClaimNumber,
    string InsurerCapsCode,
    string? InsurerName,
    string Registration,
    string Make,
    string? Model,
    string? Vin,
    string? CustomerName,
    string? CustomerPhone,
    string? CustomerEmail,
    DateOnly? LossDate,
    string? DamageDescription,
    DateTimeOffset OfferedAt,
    DateTimeOffset? ExpiresAt);

public sealed record CapsAcceptRequest(string JobNumber);

public sealed record CapsDeclineRequest(string Reason);

public sealed record CapsJobSync(
    string JobNumber,
    string InsurerCapsCode,
    string? AgentCapsCode,
    string? OwnerCapsCode,
    string ClaimNumber,
    string Registration,
    string Make,
    string? Model,
    string? Status,
    bool VehicleIn,
    DateOnly? EstimatedCompletionDate,
    DateTimeOffset? OffSiteDate);

public sealed record CapsJobSyncResponse(string? CapsJobId, DateTimeOffset? ReceivedAt);
