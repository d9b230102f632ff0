using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

public sealed record Claims360RepairerOption(int Id, string Name, bool SetUp);

public sealed record Claims360ImportStatus(int RepairerId, string Repairer, string CarrosserieId, DateTimeOffset? LastImportAt, DateTimeOffset? LastErrorAt, string? LastError)
{
    /// <summary>The last import was refused (401): the stored keys are wrong, and only support can correct them.</summary>
    public bool KeysRefused => LastError?.StartsWith(nameof(PlanManager.Connectors.Common.ConnectorOutcome.Unauthorized), StringComparison.Ordinal) == true;
}

public sealed record Claims360SetupView(string CarrosserieId, DateTimeOffset UpdatedAt, string? UpdatedBy);

public sealed record Claims360QueueRow(
    int Id, string AssignmentNumber, bool Complete, string? Work, string? Make, string? Model, string LicensePlate,
    string? CustomerName, string Repairer, DateTimeOffset ImportedAt, bool SmartExpertise, Claims360ItemStatus Status, int? JobId, int? JobNumber);

public sealed record Claims360SyncedRow(string AssignmentNumber, string LicensePlate, int JobId, int JobNumber);

public sealed class Claims360PageModel
{
    public required bool Enabled { get; init; }
    public required bool Queueing { get; init; }
    public required IReadOnlyList<Claims360RepairerOption> Repairers { get; init; }
    public int? RepairerId { get; init; }
    public Claims360SetupView? Setup { get; init; }
    public Claims360SetupForm? SetupForm { get; init; }
    public bool OpenSetupDialog { get; init; }
    public required IReadOnlyList<Claims360ImportStatus> Imports { get; init; }
    public required Page<Claims360QueueRow> Rows { get; init; }
    public required IReadOnlyList<Claims360SyncedRow> Synced { get; init; }
}

/// <summary>Q3: the Claims360 page (set-up, import status, queue, synchronised assignments).</summary>
public sealed class Claims360Page(PlanManagerDbContext db)
{
    public const int SyncedRows = 20;

    /// <summary>Support's set-up dialog of one repairer: its set-up, else its external reference as the carrosserie id.</summary>
    public async Task<(string Repairer, Claims360SetupForm Form)?> SetupFormAsync(int repairerId, CancellationToken cancellationToken)
    {
        var found = await db.Repairers.Where(r => r.Id == repairerId)
            .Select(r => new { r.Name, r.ExternalReference, Setup = db.Claims360Setups.Where(s => s.RepairerId == r.Id).Select(s => s.CarrosserieId).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Name, new Claims360SetupForm { RepairerId = repairerId, CarrosserieId = found.Setup ?? found.ExternalReference });
    }

    public async Task<Claims360PageModel> BuildAsync(int? repairerId, int? page, int? size, Claims360SetupForm? invalidForm, CancellationToken cancellationToken)
    {
        var repairers = await db.Repairers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new Claims360RepairerOption(r.Id, r.Name, db.Claims360Setups.Any(s => s.RepairerId == r.Id)))
            .ToListAsync(cancellationToken);
        var chosen = repairers.FirstOrDefault(r => r.Id == repairerId);
        Claims360SetupView? setup = null;
        Claims360SetupForm? form = invalidForm;
        if (chosen is not null)
        {
            setup = await db.Claims360Setups.AsNoTracking().Where(s => s.RepairerId == chosen.Id)
                .Select(s => new Claims360SetupView(s.CarrosserieId, s.ConfiguredAt, s.UpdatedBy)).SingleOrDefaultAsync(cancellationToken);
            if (setup is null && form is null)
            {
                var reference = await db.Repairers.AsNoTracking().Where(r => r.Id == chosen.Id).Select(r => r.ExternalReference).SingleAsync(cancellationToken);
                form = new Claims360SetupForm { RepairerId = chosen.Id, CarrosserieId = reference };
            }
        }

        var imports = await db.Claims360Setups.AsNoTracking().OrderBy(s => s.Repairer!.Name)
            .Select(s => new Claims360ImportStatus(s.RepairerId, s.Repairer!.Name, s.CarrosserieId, s.LastImportAt, s.LastImportErrorAt, s.LastImportError))
            .ToListAsync(cancellationToken);

        var items = db.Claims360Items.AsNoTracking();
        if (chosen is not null)
        {
            items = items.Where(i => i.RepairerId == chosen.Id);
        }

        var rows = await items.OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id)
            .Select(i => new Claims360QueueRow(i.Id, i.AssignmentNumber, i.Complete, i.Work, i.Make, i.Model, i.LicensePlate, i.CustomerName,
                i.Repairer!.Name, i.ImportedAt, i.SmartExpertise, i.Status, i.JobId, i.Job != null ? i.Job.Number : null))
            .ToPageAsync(page, size, cancellationToken);
        var synced = await items.Where(i => i.JobId != null).OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id).Take(SyncedRows)
            .Select(i => new Claims360SyncedRow(i.AssignmentNumber, i.LicensePlate, i.JobId!.Value, i.Job!.Number))
            .ToListAsync(cancellationToken);
        var setting = await db.ConnectorSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Kind == ConnectorKind.Claims360, cancellationToken);

        return new Claims360PageModel
        {
            Enabled = setting?.Enabled == true,
            Queueing = setting?.Claims360Queueing == true,
            Repairers = repairers,
            RepairerId = chosen?.Id,
            Setup = setup,
            SetupForm = form,
            OpenSetupDialog = chosen is not null && setup is null,
            Imports = imports,
            Rows = rows,
            Synced = synced,
        };
    }
}

/// <summary>Accept (becomes a job) or refuse a waiting assignment; a second press changes nothing.</summary>
public sealed class DecideClaims360Item(PlanManagerDbContext db, Claims360Jobs jobs, Claims360PhotoTransfers photos)
{
    public async Task<CommandResult> AcceptAsync(int itemId, CancellationToken cancellationToken)
    {
        var result = await CreateJobAsync(itemId, cancellationToken);
        if (result.Outcome == CommandOutcome.Saved && result.Id is { } jobId)
        {
            // The dossier's photos come with the job (a job that already had them gets none twice).
            db.ChangeTracker.Clear();
            await photos.ImportAsync(jobId, cancellationToken);
        }

        return result;
    }

    private async Task<CommandResult> CreateJobAsync(int itemId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var item = await db.Claims360Items.SingleOrDefaultAsync(i => i.Id == itemId, ct);
            if (item is null)
            {
                return CommandResult.NotFound;
            }

            if (item.Status != Claims360ItemStatus.Waiting || item.JobId is not null)
            {
                // Decided in another tab or by a colleague: said as the CAPS and AudatexUK queues say it, nothing changed.
                return new CommandResult(CommandOutcome.Conflict, item.JobId);
            }

            var carrosserieId = await db.Claims360Setups.Where(s => s.RepairerId == item.RepairerId).Select(s => s.CarrosserieId).SingleOrDefaultAsync(ct) ?? string.Empty;
            var job = await jobs.CreateAsync(item, carrosserieId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return CommandResult.Saved(job.Id);
        }, cancellationToken);
    }

    public async Task<CommandResult> RefuseAsync(int itemId, CancellationToken cancellationToken)
    {
        var item = await db.Claims360Items.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return CommandResult.NotFound;
        }

        if (item.Status != Claims360ItemStatus.Waiting || item.JobId is not null)
        {
            return new CommandResult(CommandOutcome.Conflict, item.JobId);
        }

        item.Status = Claims360ItemStatus.Refused;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(item.Id);
    }
}
