using PlanManager.Connectors.Common;
using Refit;

namespace PlanManager.Connectors.Informex;

/// <summary>
/// Informex / Winformex II (BE), contracts/informex.yaml. The mailbox is the repairer's
/// Informex "postbus"; the API key is added by the credentials handler.
/// </summary>
public interface IInformexApi
{
    /// <summary>GET /v1/mailboxes/{mailbox}/transmissions?since=: insurance assignments received.</summary>
    [Get("/v1/mailboxes/{mailbox}/transmissions")]
    Task<InformexTransmissions> GetTransmissionsAsync(string mailbox, [Query(Format = "o")] DateTimeOffset? since = null, CancellationToken cancellationToken = default);

    /// <summary>POST /v1/mailboxes/{mailbox}/dossiers: the "i" button. 409 carries the existing dossier (each one is billed).</summary>
    [Post("/v1/mailboxes/{mailbox}/dossiers")]
    Task<InformexDossierCreated> CreateDossierAsync(string mailbox, [Body] InformexDossierRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST .../dossiers/{dossierNumber}/photos: one photo (multipart "file"). Never retried.</summary>
    [Multipart]
    [Post("/v1/mailboxes/{mailbox}/dossiers/{dossierNumber}/photos")]
    Task UploadPhotoAsync(string mailbox, string dossierNumber, [AliasAs("file")] StreamPart file, CancellationToken cancellationToken = default);

    /// <summary>PUT .../dossiers/{dossierNumber}/second-circuit: link to the insurer's original assignment.</summary>
    [Put("/v1/mailboxes/{mailbox}/dossiers/{dossierNumber}/second-circuit")]
    Task LinkSecondCircuitAsync(string mailbox, string dossierNumber, [Body] InformexSecondCircuit request, CancellationToken cancellationToken = default);

    /// <summary>GET .../dossiers/{dossierNumber}/estimate (same shape as Claims360's).</summary>
    [Get("/v1/mailboxes/{mailbox}/dossiers/{dossierNumber}/estimate")]
    Task<EstimateDto> GetEstimateAsync(string mailbox, string dossierNumber, CancellationToken cancellationToken = default);
}

public sealed record InformexTransmissions(IReadOnlyList<InformexTransmission> Transmissions);

public sealed record InformexTransmission(
    string AssignmentNumber,
    string? InsurerName,
    string? ClaimNumber,
    string LicensePlate,
    string? Vin,
    string? Make,
    string? Model,
    string? CustomerName,
    DateTimeOffset ReceivedAt);

public sealed record InformexDossierRequest(
    string JobNumber,
    string LicensePlate,
    string? Vin,
    string? Make,
    string? Model,
    DateOnly? FirstRegistration,
    int? Mileage,
    int? PowerKw,
    int? CylinderCc,
    int? Co2,
    string? EngineType,
    bool? ParticleFilter,
    bool PreviousDamage,
    bool BreakIn,
    string? OwnerName,
    string? InsurerName,
    string? ClaimNumber);

public sealed record InformexDossierCreated(string DossierNumber);

public sealed record InformexSecondCircuit(string AssignmentNumber);
