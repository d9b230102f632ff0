using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanManager.Connectors.AudatexUk;

namespace PlanManager.Sandbox;

/// <summary>contracts/audatex-uk.yaml</summary>
internal static class AudatexUkSandbox
{
    public static void Map(RouteGroupBuilder audatex)
    {
        audatex.MapGet("/v1/claims", (SandboxState state, string? status) =>
            status is null or "new"
                ? Results.Ok(new AudatexClaimsResponse(state.AudatexClaims.Where(c => !state.Decisions.ContainsKey(c.ClaimId)).ToList()))
                : SandboxEndpoints.ValidationProblem("status", "Only status=new is supported."));

        audatex.MapPost("/v1/claims/{claimId}/accept", (string claimId, AudatexAcceptRequest body, SandboxState state) =>
            string.IsNullOrWhiteSpace(body?.JobNumber)
                ? SandboxEndpoints.ValidationProblem("jobNumber", "The job number is required.")
                : Decide(state, claimId, "accepted", body.JobNumber));

        audatex.MapPost("/v1/claims/{claimId}/reject", (string claimId, AudatexRejectRequest body, SandboxState state) =>
            string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 500
                ? SandboxEndpoints.ValidationProblem("reason", "A reason of 1 to 500 characters is required.")
                : Decide(state, claimId, "rejected", body.Reason));
    }

    private static IResult Decide(SandboxState state, string claimId, string kind, string value)
    {
        if (state.AudatexClaims.All(c => c.ClaimId != claimId))
        {
            return Results.Problem(title: "Unknown claim", statusCode: StatusCodes.Status404NotFound);
        }

        return state.Decisions.TryAdd(claimId, new SandboxDecision(kind, value, state.Clock.GetUtcNow()))
            ? Results.Ok()
            : Results.Problem(title: "Claim already decided", statusCode: StatusCodes.Status409Conflict);
    }
}
