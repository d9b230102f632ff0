using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PlanManager.Connectors.Claims360;

namespace PlanManager.Sandbox;

/// <summary>contracts/claims360.yaml</summary>
internal static partial class Claims360Sandbox
{
    public static void Map(RouteGroupBuilder c360)
    {
        var bodyshop = c360.MapGroup("/v1/bodyshops/{carrosserieId}");

        bodyshop.MapGet("/assignments", (string carrosserieId, DateTimeOffset? updatedSince, int? page, int? pageSize, SandboxState state, IOptionsMonitor<SandboxOptions> options) =>
        {
            if (!KnownBodyshop(carrosserieId))
            {
                return Results.Problem(title: "Unknown carrosserieId", statusCode: StatusCodes.Status404NotFound);
            }

            var size = pageSize ?? 100;
            var number = page ?? 1;
            if (size is < 1 or > 200 || number < 1)
            {
                return SandboxEndpoints.ValidationProblem("pageSize", "page must be 1 or more and pageSize between 1 and 200.");
            }

            var (slice, more) = state.AssignmentsPage(carrosserieId, options.CurrentValue.Claims360AssignmentsPerBodyshop, updatedSince, number, size);
            return Results.Ok(new Claims360AssignmentsPage(slice, number, more));
        });

        bodyshop.MapPost("/dossiers", (string carrosserieId, Claims360DossierRequest body, SandboxState state) =>
        {
            if (string.IsNullOrWhiteSpace(body?.LicensePlate) || string.IsNullOrWhiteSpace(body.ExternalReference))
            {
                return SandboxEndpoints.ValidationProblem("licensePlate", "licensePlate and externalReference are required.");
            }

            var existing = state.Claims360Dossiers.FirstOrDefault(d => d.Value.Owner == carrosserieId && d.Value.ExternalReference == body.ExternalReference);
            if (existing.Key is not null)
            {
                return Results.Json(new Claims360DossierCreated(existing.Key), statusCode: StatusCodes.Status409Conflict);
            }

            var id = $"D360-{carrosserieId}-J{body.ExternalReference}";
            state.Claims360Dossiers[id] = new SandboxDossier(carrosserieId, body.ExternalReference, body.LicensePlate, body.Mileage);
            return Results.Json(new Claims360DossierCreated(id), statusCode: StatusCodes.Status201Created);
        });

        bodyshop.MapPut("/dossiers/{dossierId}", (string carrosserieId, string dossierId, Claims360DossierUpdate body, SandboxState state, IOptionsMonitor<SandboxOptions> options) =>
        {
            if (string.IsNullOrWhiteSpace(body?.LicensePlate))
            {
                return SandboxEndpoints.ValidationProblem("licensePlate", "licensePlate is required.");
            }

            if (!Known(state, options, carrosserieId, dossierId, out var dossier))
            {
                return Results.Problem(title: "Unknown dossier", statusCode: StatusCodes.Status404NotFound);
            }

            state.Claims360Dossiers[dossierId] = (dossier ?? new SandboxDossier(carrosserieId, dossierId, body.LicensePlate, body.Mileage)) with
            {
                LicensePlate = body.LicensePlate,
                Mileage = body.Mileage,
            };
            return Results.Ok();
        });

        bodyshop.MapGet("/dossiers/{dossierId}/estimate", (string carrosserieId, string dossierId, SandboxState state, IOptionsMonitor<SandboxOptions> options) =>
        {
            if (!Known(state, options, carrosserieId, dossierId, out var dossier))
            {
                return Results.Problem(title: "Unknown dossier", statusCode: StatusCodes.Status404NotFound);
            }

            // A dossier the bodyshop only just exported has no estimate yet; the insurer's ones have a second version.
            var fromAssignment = dossier is null || dossier.ExternalReference == dossierId;
            return fromAssignment
                ? Results.Ok(SandboxData.Estimate(dossierId, 2, state.Clock.GetUtcNow()))
                : dossier!.Mileage is null
                    ? Results.Problem(title: "No estimate yet", statusCode: StatusCodes.Status404NotFound)
                    : Results.Ok(SandboxData.Estimate(dossierId, 1, state.Clock.GetUtcNow()));
        });

        bodyshop.MapGet("/dossiers/{dossierId}/photos", (string carrosserieId, string dossierId, SandboxState state, SandboxPhotos photos, IOptionsMonitor<SandboxOptions> options) =>
        {
            if (!Known(state, options, carrosserieId, dossierId, out _))
            {
                return Results.Problem(title: "Unknown dossier", statusCode: StatusCodes.Status404NotFound);
            }

            var list = photos.All.Select((p, i) => new Claims360Photo($"{dossierId}-P{i + 1}", p.FileName, "image/jpeg", p.Content.LongLength, state.Clock.GetUtcNow().AddDays(-2)))
                .ToList();
            return Results.Ok(new Claims360PhotoList(list));
        });

        bodyshop.MapPost("/dossiers/{dossierId}/photos", async (string carrosserieId, string dossierId, IFormFile? file, SandboxState state, IOptionsMonitor<SandboxOptions> options) =>
        {
            if (!Known(state, options, carrosserieId, dossierId, out _))
            {
                return Results.Problem(title: "Unknown dossier", statusCode: StatusCodes.Status404NotFound);
            }

            if (await SandboxPhotos.RefuseAsync(file) is { } refusal)
            {
                return refusal;
            }

            var queue = state.UploadedPhotos.GetOrAdd(dossierId, _ => new ConcurrentQueue<SandboxPhoto>());
            queue.Enqueue(new SandboxPhoto(file!.FileName, file.Length));
            return Results.Json(new Claims360PhotoCreated($"{dossierId}-U{queue.Count}"), statusCode: StatusCodes.Status201Created);
        }).DisableAntiforgery();

        bodyshop.MapGet("/dossiers/{dossierId}/photos/{photoId}/content", (string dossierId, string photoId, SandboxPhotos photos) =>
        {
            var prefix = $"{dossierId}-P";
            return photoId.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(photoId[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture, out var n)
                && n >= 1 && n <= photos.All.Count
                ? Results.File(photos.All[n - 1].Content, "image/jpeg", photos.All[n - 1].FileName)
                : Results.Problem(title: "Unknown photo", statusCode: StatusCodes.Status404NotFound);
        });
    }

    /// <summary>
    /// The sandbox knows every Belgian bodyshop: a carrosserie id is its enterprise (VAT) number, "BE" optional
    /// (contracts/claims360.yaml: 404 for an unknown carrosserieId, which a set-up's key check names).
    /// </summary>
    internal static bool KnownBodyshop(string carrosserieId) => BelgianEnterpriseNumber().IsMatch(carrosserieId);

    [System.Text.RegularExpressions.GeneratedRegex("^(BE)?[01][0-9]{9}$")]
    private static partial System.Text.RegularExpressions.Regex BelgianEnterpriseNumber();

    /// <summary>A dossier the bodyshop created, or one an assignment of this bodyshop points to.</summary>
    private static bool Known(SandboxState state, IOptionsMonitor<SandboxOptions> options, string carrosserieId, string dossierId, out SandboxDossier? created)
    {
        if (state.Claims360Dossiers.TryGetValue(dossierId, out created) && created.Owner == carrosserieId)
        {
            return true;
        }

        created = null;
        return state.AssignmentsFor(carrosserieId, options.CurrentValue.Claims360AssignmentsPerBodyshop).Any(a => a.DossierId == dossierId);
    }
}
