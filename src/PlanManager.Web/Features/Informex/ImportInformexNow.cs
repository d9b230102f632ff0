using PlanManager.Web.Features.Progress;

namespace PlanManager.Web.Features.Informex;

/// <summary>"Import now" on Job Queue > Informex, run in the background with its progress (docs/decisions/0016); ends with the message the page showed before.</summary>
public sealed class ImportInformexNow(ImportInformex import) : BackgroundWork<ImportInformexNow.Arguments>
{
    public sealed record Arguments(int? RepairerId);

    /// <summary>Two clicks on one repairer (or on "all") follow one import.</summary>
    public static string JoinKey(int? repairerId) => repairerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all";

    protected override async Task<WorkOutcome> RunAsync(Arguments arguments, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = await import.ImportAllNowAsync(arguments.RepairerId, progress, cancellationToken);
        return result.Outcome switch
        {
            InformexImportOutcome.Imported => WorkOutcome.Success("Informex.Imported", result.Added, result.Changed),
            InformexImportOutcome.Disabled => WorkOutcome.Failure("Informex.Off"),
            InformexImportOutcome.NoMailbox => WorkOutcome.Failure("Informex.NoMailbox"),
            _ => WorkOutcome.Failure("Informex.ImportFailed", result.Error ?? string.Empty),
        };
    }
}
