using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.Common;
using PlanManager.Connectors.Informex;
using Received = PlanManager.Connectors.Informex.InformexTransmission;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Progress;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Informex;

public enum InformexImportOutcome
{
    Imported,
    Disabled,
    NoMailbox,
    Failed,
}

public sealed record InformexImportResult(InformexImportOutcome Outcome, int Added = 0, int Changed = 0, string? Error = null);

/// <summary>
/// Q4: receives the insurance assignments Informex sent to each repairer's mailbox (the repairer's
/// external reference), on a schedule and on demand. Received whether or not Claims360 is on.
/// Safe to run twice or on two nodes at once: (RepairerId, AssignmentNumber) is unique and an
/// unchanged transmission is not written again.
/// </summary>
public sealed class ImportInformex(PlanManagerDbContext db, IInformexApi api, PlatformImport import, TimeProvider clock)
{
    public const string JobId = "informex-import";
    public const string ReceivingStep = "Progress.Step.InformexReceiving";

    /// <summary>Transmissions are asked for from a little before the newest one held, so one that arrived late is not missed.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromDays(1);

    /// <summary>The recurring job: every repairer with a mailbox; one failing does not stop the others.</summary>
    public async Task RunAllAsync(CancellationToken cancellationToken)
    {
        foreach (var repairerId in await RepairersWithMailboxAsync(cancellationToken))
        {
            await ImportAsync(repairerId, cancellationToken);
        }
    }

    /// <summary>"Import now" on the Informex page: one repairer, or all of them.</summary>
    public async Task<InformexImportResult> ImportAllNowAsync(int? repairerId, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var repairers = repairerId is { } one ? [one] : await RepairersWithMailboxAsync(cancellationToken);
        if (repairers.Count == 0)
        {
            return new InformexImportResult(InformexImportOutcome.NoMailbox);
        }

        int added = 0, changed = 0, done = 0;
        foreach (var id in repairers)
        {
            await progress.ReportAsync(done++, repairers.Count, ReceivingStep, cancellationToken);
            var result = await ImportAsync(id, cancellationToken);
            if (result.Outcome != InformexImportOutcome.Imported)
            {
                return result with { Added = added + result.Added, Changed = changed + result.Changed };
            }

            added += result.Added;
            changed += result.Changed;
        }

        return new InformexImportResult(InformexImportOutcome.Imported, added, changed);
    }

    public async Task<InformexImportResult> ImportAsync(int repairerId, CancellationToken cancellationToken)
    {
        using var held = await import.StartAsync(ConnectorKind.Informex, repairerId, cancellationToken);
        if (held is null)
        {
            return new InformexImportResult(InformexImportOutcome.Disabled);
        }

        var mailbox = (await db.Repairers.AsNoTracking().Where(r => r.Id == repairerId).Select(r => r.ExternalReference).SingleOrDefaultAsync(cancellationToken))?.Trim();
        if (string.IsNullOrEmpty(mailbox))
        {
            return new InformexImportResult(InformexImportOutcome.NoMailbox);
        }

        var newest = await db.InformexTransmissions.Where(t => t.RepairerId == repairerId).MaxAsync(t => (DateTimeOffset?)t.ReceivedAt, cancellationToken);
        var since = newest - Overlap;
        var (answer, error) = await import.FetchAsync(ConnectorKind.Informex, "import transmissions", ct => api.GetTransmissionsAsync(mailbox, since, ct), cancellationToken);
        if (answer?.Transmissions is null)
        {
            return new InformexImportResult(InformexImportOutcome.Failed, Error: error ?? "MalformedResponse");
        }

        var received = answer.Transmissions.Where(t => !string.IsNullOrWhiteSpace(t?.AssignmentNumber) && !string.IsNullOrWhiteSpace(t.LicensePlate)).ToList();
        return await import.SaveAsync(ct => SaveAsync(repairerId, received, ct), cancellationToken);
    }

    private async Task<InformexImportResult> SaveAsync(int repairerId, IReadOnlyList<Received> received, CancellationToken cancellationToken)
    {
        var numbers = received.Select(t => Clip(t.AssignmentNumber.Trim(), InformexLimits.AssignmentNumber)).Distinct().ToList();
        var existing = await db.InformexTransmissions.Where(t => t.RepairerId == repairerId && numbers.Contains(t.AssignmentNumber))
            .ToDictionaryAsync(t => t.AssignmentNumber, StringComparer.Ordinal, cancellationToken);
        int added = 0, changed = 0;
        var now = clock.GetUtcNow();
        foreach (var t in received)
        {
            var number = Clip(t.AssignmentNumber.Trim(), InformexLimits.AssignmentNumber);
            if (!existing.TryGetValue(number, out var row))
            {
                row = new Domain.InformexTransmission { RepairerId = repairerId, AssignmentNumber = number, ImportedAt = now };
                db.InformexTransmissions.Add(row);
                existing[number] = row;
                Apply(row, t);
                added++;
            }
            else if (Apply(row, t))
            {
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new InformexImportResult(InformexImportOutcome.Imported, added, changed);
    }

    /// <summary>Copies the platform's fields; returns whether anything differed.</summary>
    internal static bool Apply(Domain.InformexTransmission row, Received t)
    {
        var plate = Clip(t.LicensePlate.Trim(), JobLimits.Registration);
        var changed = false;
        Set(row.InsurerName, ClipOrNull(t.InsurerName, PartyLimits.Name), v => row.InsurerName = v, ref changed);
        Set(row.ClaimNumber, ClipOrNull(t.ClaimNumber, JobLimits.ClaimNumber), v => row.ClaimNumber = v, ref changed);
        Set(row.LicensePlate, plate, v => row.LicensePlate = v!, ref changed);
        Set(row.LicensePlateKey, Clip(SearchKey.Normalize(plate), JobLimits.Registration), v => row.LicensePlateKey = v!, ref changed);
        Set(row.Vin, ClipOrNull(t.Vin, 30), v => row.Vin = v, ref changed);
        Set(row.Make, ClipOrNull(t.Make, JobLimits.ShortText), v => row.Make = v, ref changed);
        Set(row.Model, ClipOrNull(t.Model, JobLimits.ShortText), v => row.Model = v, ref changed);
        Set(row.CustomerName, ClipOrNull(t.CustomerName, PartyLimits.Name), v => row.CustomerName = v, ref changed);
        if (row.ReceivedAt != t.ReceivedAt)
        {
            row.ReceivedAt = t.ReceivedAt;
            changed = true;
        }

        return changed;
    }

    private static void Set(string? current, string? value, Action<string?> assign, ref bool changed)
    {
        if (!string.Equals(current, value, StringComparison.Ordinal))
        {
            assign(value);
            changed = true;
        }
    }

    private static string Clip(string value, int length) => value.Length > length ? value[..length] : value;

    private static string? ClipOrNull(string? value, int length) => string.IsNullOrWhiteSpace(value) ? null : Clip(value.Trim(), length);

    private Task<List<int>> RepairersWithMailboxAsync(CancellationToken cancellationToken) =>
        db.Repairers.AsNoTracking().Where(r => r.ExternalReference != null && r.ExternalReference != "").OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
}
