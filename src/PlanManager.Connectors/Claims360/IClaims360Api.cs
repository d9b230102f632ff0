using PlanManager.Connectors.Common;
using Refit;

namespace PlanManager.Connectors.Claims360;

/// <summary>
/// Claims360 (BE), contracts/claims360.yaml. Configuration is per repairer: the credentials
/// handler adds the two keys that belong to the carrosserieId in the path.
/// </summary>
public interface IClaims360Api
{
    /// <summary>GET /v1/bodyshops/{carrosserieId}/assignments, oldest first, paged.</summary>
    [Get("/v1/bodyshops/{carrosserieId}/assignments")]
    Task<Claims360AssignmentsPage> GetAssignmentsAsync(
        string carrosserieId,
        [Query(Format = "o")] DateTimeOffset? updatedSince = null,
        [Query] int? page = null,
        [Query] int? pageSize = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The same read as <see cref="GetAssignmentsAsync"/>, one assignment, with keys that are not saved yet:
    /// the check when a set-up is saved (200 accepted, 401 keys refused, 404 unknown carrosserieId).
    /// </summary>
    [Get("/v1/bodyshops/{carrosserieId}/assignments")]
    Task<Claims360AssignmentsPage> CheckKeysAsync(
        string carrosserieId,
        [Property(Claims360Keys.RequestOption)] Claims360Keys keys,
        [Query] int pageSize = 1,
        CancellationToken cancellationToken = default);

    /// <summary>POST /v1/bodyshops/{carrosserieId}/dossiers: export a job (plate and mileage). 409 carries the existing dossierId.</summary>
    [Post("/v1/bodyshops/{carrosserieId}/dossiers")]
    Task<Claims360DossierCreated> CreateDossierAsync(string carrosserieId, [Body] Claims360DossierRequest request, CancellationToken cancellationToken = default);

    /// <summary>PUT /v1/bodyshops/{carrosserieId}/dossiers/{dossierId}: send data again.</summary>
    [Put("/v1/bodyshops/{carrosserieId}/dossiers/{dossierId}")]
    Task UpdateDossierAsync(string carrosserieId, string dossierId, [Body] Claims360DossierUpdate request, CancellationToken cancellationToken = default);

    /// <summary>GET .../dossiers/{dossierId}/estimate: the latest estimate version (404 when none yet).</summary>
    [Get("/v1/bodyshops/{carrosserieId}/dossiers/{dossierId}/estimate")]
    Task<EstimateDto> GetEstimateAsync(string carrosserieId, string dossierId, CancellationToken cancellationToken = default);

    /// <summary>GET .../dossiers/{dossierId}/photos.</summary>
    [Get("/v1/bodyshops/{carrosserieId}/dossiers/{dossierId}/photos")]
    Task<Claims360PhotoList> GetPhotosAsync(string carrosserieId, string dossierId, CancellationToken cancellationToken = default);

    /// <summary>POST .../dossiers/{dossierId}/photos: one photo (multipart "file"). Never retried: a repeat would store it twice.</summary>
    [Multipart]
    [Post("/v1/bodyshops/{carrosserieId}/dossiers/{dossierId}/photos")]
    Task<Claims360PhotoCreated> UploadPhotoAsync(string carrosserieId, string dossierId, [AliasAs("file")] StreamPart file, CancellationToken cancellationToken = default);

    /// <summary>GET .../photos/{photoId}/content: the image bytes.</summary>
    [Get("/v1/bodyshops/{carrosserieId}/dossiers/{dossierId}/photos/{photoId}/content")]
    Task<HttpContent> GetPhotoContentAsync(string carrosserieId, string dossierId, string photoId, CancellationToken cancellationToken = default);
}

public sealed record Claims360AssignmentsPage(IReadOnlyList<Claims360Assignment> Assignments, int Page, bool HasMore);

public sealed record Claims360Assignment(
    string AssignmentNumber,
    bool Complete,
    string? Work,
    string? Make,
    string? Model,
    string LicensePlate,
    string? Vin,
    int? Mileage,
    string? CustomerName,
    string? RepairerName,
    string? InsurerName,
    string? ClaimNumber,
    bool SmartExpertise,
    string? DossierId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record Claims360DossierRequest(string LicensePlate, int? Mileage, string ExternalReference);

public sealed record Claims360DossierUpdate(string LicensePlate, int? Mileage);

public sealed record Claims360DossierCreated(string DossierId);

public sealed record Claims360PhotoList(IReadOnlyList<Claims360Photo> Photos);

public sealed record Claims360Photo(string PhotoId, string FileName, string ContentType, long Size, DateTimeOffset? TakenAt);

public sealed record Claims360PhotoCreated(string PhotoId);

/// <summary>Keys typed into a set-up and not saved yet; the credentials handler sends them instead of the stored ones.</summary>
public sealed record Claims360Keys(string BodyshopKey, string PlanManagerKey)
{
    public const string RequestOption = "PlanManager.Claims360Keys";

    public IReadOnlyDictionary<string, string> Headers() =>
        new Dictionary<string, string> { ["X-Bodyshop-Api-Key"] = BodyshopKey, ["X-PlanManager-Api-Key"] = PlanManagerKey };

    /// <summary>Never the keys themselves in a log or an exception.</summary>
    public override string ToString() => nameof(Claims360Keys);
}
