using PlanManager.Web.Features.Progress;

namespace PlanManager.Web.Features.Workshop;

/// <summary>"Mark selected off site" for more than a handful of cars, run in the background with its progress (docs/decisions/0016).</summary>
public sealed class MarkVehiclesOffSiteWork(MarkVehiclesOffSite mark) : BackgroundWork<MarkVehiclesOffSiteWork.Arguments>
{
    public sealed record Arguments(int[] JobIds);

    protected override async Task<WorkOutcome> RunAsync(Arguments arguments, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = await mark.HandleInChunksAsync(arguments.JobIds, progress, cancellationToken);
        return Outcome(result);
    }

    /// <summary>The message of the page, whether the cars were marked in the request or in the background.</summary>
    public static WorkOutcome Outcome(OffSiteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            { Conflict: true, Marked: 0 } => WorkOutcome.Failure("Inside.Conflict"),
            { Conflict: true } => WorkOutcome.Failure("Inside.ConflictPart", result.Marked),
            { Marked: 0, AlreadyOffSite: > 0 } => WorkOutcome.Failure("Inside.AlreadyOffSite", result.AlreadyOffSite),
            { AlreadyOffSite: > 0 } => WorkOutcome.Success("Inside.MarkedSomeAlreadyOffSite", result.Marked, result.AlreadyOffSite),
            _ => WorkOutcome.Success("Inside.MarkedOffSite", result.Marked),
        };
    }
}
