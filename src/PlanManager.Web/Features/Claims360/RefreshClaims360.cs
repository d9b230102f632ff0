using PlanManager.Web.Features.Progress;

namespace PlanManager.Web.Features.Claims360;

/// <summary>"Refresh" on the Claims360 page, run in the background with its progress (docs/decisions/0016); ends with the message the page showed before.</summary>
public sealed class RefreshClaims360(ImportClaims360 import) : BackgroundWork<RefreshClaims360.Arguments>
{
    public sealed record Arguments(int RepairerId);

    /// <summary>Two clicks (or two staff) on one repairer follow one import.</summary>
    public static string JoinKey(int repairerId) => repairerId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task<WorkOutcome> RunAsync(Arguments arguments, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = await import.ImportAsync(arguments.RepairerId, progress, cancellationToken);
        return result.Outcome switch
        {
            Claims360ImportOutcome.Imported => WorkOutcome.Success("Claims360.Refreshed", result.Changed),
            Claims360ImportOutcome.Failed => WorkOutcome.Failure("Claims360.RefreshFailed", result.Error ?? string.Empty),
            Claims360ImportOutcome.Disabled => WorkOutcome.Failure("Claims360.Off"),
            _ => WorkOutcome.Failure("Claims360.NotSetUp"),
        };
    }
}
