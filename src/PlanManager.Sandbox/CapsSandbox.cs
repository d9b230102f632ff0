using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanManager.Connectors.Caps;

namespace PlanManager.Sandbox;

/// <summary>contracts/caps.yaml</summary>
internal static class CapsSandbox
{
    public static void Map(RouteGroupBuilder caps)
    {
        caps.MapGet("/v1/offers", (SandboxState state) =>
            Results.Ok(new CapsOffersResponse(state.CapsOffers.Where(o => !state.Decisions.ContainsKey(o.OfferId)).ToList())));

        caps.MapPost("/v1/offers/{offerId}/accept", (string offerId, CapsAcceptRequest body, SandboxState state) =>
        {
            if (string.IsNullOrWhiteSpace(body?.JobNumber))
            {
                return SandboxEndpoints.ValidationProblem("jobNumber", "The job number is required.");
            }

            return Decide(state, offerId, "accepted", body.JobNumber);
        });

        caps.MapPost("/v1/offers/{offerId}/decline", (string offerId, CapsDeclineRequest body, SandboxState state) =>
        {
            if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 500)
            {
                return SandboxEndpoints.ValidationProblem("reason", "A reason of 1 to 500 characters is required.");
            }

            return Decide(state, offerId, "declined", body.Reason);
        });

        caps.MapPut("/v1/jobs/{jobNumber}", (string jobNumber, CapsJobSync body, SandboxState state) =>
        {
            if (body is null || string.IsNullOrWhiteSpace(body.InsurerCapsCode) || string.IsNullOrWhiteSpace(body.ClaimNumber)
                || string.IsNullOrWhiteSpace(body.Registration) || string.IsNullOrWhiteSpace(body.Make) || body.JobNumber != jobNumber)
            {
                return SandboxEndpoints.ValidationProblem("job", "jobNumber (matching the path), insurerCapsCode, claimNumber, registration and make are required.");
            }

            state.CapsJobPushes.Enqueue(body);
            return Results.Ok(new CapsJobSyncResponse($"CAPS-{jobNumber}", state.Clock.GetUtcNow()));
        });
    }

    private static IResult Decide(SandboxState state, string offerId, string kind, string value)
    {
        if (state.CapsOffers.All(o => o.OfferId != offerId))
        {
            return Results.Problem(title: "Unknown offer", statusCode: StatusCodes.Status404NotFound);
        }

        return state.Decisions.TryAdd(offerId, new SandboxDecision(kind, value, state.Clock.GetUtcNow()))
            ? Results.Ok()
            : Results.Problem(title: "Offer already accepted or declined", statusCode: StatusCodes.Status409Conflict);
    }
}
