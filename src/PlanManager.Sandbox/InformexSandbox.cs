using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanManager.Connectors.Informex;

namespace PlanManager.Sandbox;

/// <summary>contracts/informex.yaml</summary>
internal static class InformexSandbox
{
    public static void Map(RouteGroupBuilder informex)
    {
        var mailbox = informex.MapGroup("/v1/mailboxes/{mailbox}");

        mailbox.MapGet("/transmissions", (string mailbox, DateTimeOffset? since, SandboxState state) =>
            Results.Ok(new InformexTransmissions(state.TransmissionsFor(mailbox).Where(t => since is null || t.ReceivedAt > since).ToList())));

        mailbox.MapPost("/dossiers", (string mailbox, InformexDossierRequest body, SandboxState state) =>
        {
            if (string.IsNullOrWhiteSpace(body?.JobNumber) || string.IsNullOrWhiteSpace(body.LicensePlate))
            {
                return SandboxEndpoints.ValidationProblem("jobNumber", "jobNumber and licensePlate are required.");
            }

            var number = $"IFX-{mailbox}-{body.JobNumber}";
            // Each dossier is billed to the bodyshop: the same job never gets a second one.
            return state.InformexDossiers.TryAdd(number, body)
                ? Results.Json(new InformexDossierCreated(number), statusCode: StatusCodes.Status201Created)
                : Results.Json(new InformexDossierCreated(number), statusCode: StatusCodes.Status409Conflict);
        });

        mailbox.MapPost("/dossiers/{dossierNumber}/photos", async (string dossierNumber, IFormFile? file, SandboxState state) =>
        {
            if (!state.InformexDossiers.ContainsKey(dossierNumber))
            {
                return Results.Problem(title: "Unknown dossier", statusCode: StatusCodes.Status404NotFound);
            }

            if (await SandboxPhotos.RefuseAsync(file) is { } refusal)
            {
                return refusal;
            }

            state.UploadedPhotos.GetOrAdd(dossierNumber, _ => new ConcurrentQueue<SandboxPhoto>()).Enqueue(new SandboxPhoto(file!.FileName, file.Length));
            return Results.StatusCode(StatusCodes.Status201Created);
        }).DisableAntiforgery();

        mailbox.MapPut("/dossiers/{dossierNumber}/second-circuit", (string mailbox, string dossierNumber, InformexSecondCircuit body, SandboxState state) =>
        {
            if (string.IsNullOrWhiteSpace(body?.AssignmentNumber))
            {
                return SandboxEndpoints.ValidationProblem("assignmentNumber", "assignmentNumber is required.");
            }

            if (!state.InformexDossiers.ContainsKey(dossierNumber) || state.TransmissionsFor(mailbox).All(t => t.AssignmentNumber != body.AssignmentNumber))
            {
                return Results.Problem(title: "Unknown dossier or assignment", statusCode: StatusCodes.Status404NotFound);
            }

            state.SecondCircuitLinks[dossierNumber] = body.AssignmentNumber;
            return Results.Ok();
        });

        mailbox.MapGet("/dossiers/{dossierNumber}/estimate", (string dossierNumber, SandboxState state) =>
            state.SecondCircuitLinks.ContainsKey(dossierNumber)
                ? Results.Ok(SandboxData.Estimate(dossierNumber, 1, state.Clock.GetUtcNow()))
                : Results.Problem(title: "No estimate yet", statusCode: StatusCodes.Status404NotFound));
    }
}
