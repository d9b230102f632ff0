using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Informex;

public sealed record InformexRepairerOption(int Id, string Name, string? Mailbox);

public sealed record InformexTransmissionRow(
    int Id, string AssignmentNumber, string? InsurerName, string? ClaimNumber, string LicensePlate, string? Make, string? Model,
    string? CustomerName, string Repairer, DateTimeOffset ReceivedAt, int? JobId, int? JobNumber, int? SamePlateJobId, int? SamePlateJobNumber);

public sealed class InformexQueueModel
{
    public required bool Enabled { get; init; }
    public required bool Claims360Active { get; init; }
    public required IReadOnlyList<InformexRepairerOption> Repairers { get; init; }
    public int? RepairerId { get; init; }
    public string? Q { get; init; }
    public required Page<InformexTransmissionRow> Rows { get; init; }
}

public sealed record InformexPickRow(string AssignmentNumber, string? InsurerName, string? ClaimNumber, string LicensePlate, string? Make, string? Model, string? CustomerName, DateTimeOffset ReceivedAt);

public sealed record InformexPhotoChoice(int Id, string FileName, bool Sent);

public sealed class WinformexPageModel
{
    public required int JobId { get; init; }
    public required int JobNumber { get; init; }
    public required string Registration { get; init; }
    public required string RepairerName { get; init; }
    public string? Mailbox { get; init; }
    public required bool Enabled { get; init; }
    public required bool Claims360Active { get; init; }
    public required SecondCircuitForm Form { get; init; }
    public SecondCircuitLinkForm LinkForm { get; init; } = new();
    public string? DossierNumber { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? AssignmentNumber { get; init; }
    public DateTimeOffset? LinkSentAt { get; init; }
    public required IReadOnlyList<InformexPickRow> SamePlate { get; init; }
    public required IReadOnlyList<InformexPhotoChoice> Photos { get; init; }
    public required EstimateView Estimate { get; init; }

    /// <summary>Sending (the "i" button, linking) is possible: Informex on and Claims360 off.</summary>
    public bool CanSend => Enabled && !Claims360Active;
}

/// <summary>Q4 (Job Queue > Informex) and the job's Winformex page (C5).</summary>
public sealed class InformexPages(PlanManagerDbContext db, ConnectorSettings settings, EstimateVersions estimates, OutgoingPhotos outgoing)
{
    public const string CompareParameter = "ifxcompare";
    public const int PickRows = 20;

    public async Task<InformexQueueModel> QueueAsync(int? repairerId, string? q, int? page, int? size, CancellationToken cancellationToken)
    {
        var repairers = await db.Repairers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new InformexRepairerOption(r.Id, r.Name, r.ExternalReference)).ToListAsync(cancellationToken);
        var chosen = repairers.FirstOrDefault(r => r.Id == repairerId);
        var rows = db.InformexTransmissions.AsNoTracking();
        if (chosen is not null)
        {
            rows = rows.Where(t => t.RepairerId == chosen.Id);
        }

        var term = Text.Clean(q);
        if (term is not null)
        {
            // Plate (as a key, so "1-abc-234" finds 1ABC234), claim number or assignment number.
            var key = SearchKey.Normalize(term);
            rows = rows.Where(t => (key.Length > 0 && t.LicensePlateKey.StartsWith(key)) || t.AssignmentNumber.StartsWith(term) || (t.ClaimNumber != null && t.ClaimNumber.StartsWith(term)));
        }

        var list = await rows.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id)
            .Select(t => new
            {
                Row = t,
                RepairerName = t.Repairer!.Name,
                Job = db.InformexJobFiles.Where(f => f.AssignmentNumber == t.AssignmentNumber && f.Job!.RepairerId == t.RepairerId)
                    .Select(f => new { f.JobId, f.Job!.Number }).FirstOrDefault(),
                // Not linked yet: the newest job of that repairer for the same car, to link in one click.
                SamePlate = db.Jobs.Where(j => j.RegistrationKey == t.LicensePlateKey && j.RepairerId == t.RepairerId).OrderByDescending(j => j.Number)
                    .Select(j => new { j.Id, j.Number }).FirstOrDefault(),
            })
            .Select(x => new InformexTransmissionRow(x.Row.Id, x.Row.AssignmentNumber, x.Row.InsurerName, x.Row.ClaimNumber, x.Row.LicensePlate, x.Row.Make, x.Row.Model,
                x.Row.CustomerName, x.RepairerName, x.Row.ReceivedAt, x.Job != null ? x.Job.JobId : null, x.Job != null ? x.Job.Number : null,
                x.SamePlate != null ? x.SamePlate.Id : null, x.SamePlate != null ? x.SamePlate.Number : null))
            .ToPageAsync(page, size, cancellationToken);
        return new InformexQueueModel
        {
            Enabled = await settings.IsEnabledAsync(ConnectorKind.Informex, cancellationToken),
            Claims360Active = await settings.IsEnabledAsync(ConnectorKind.Claims360, cancellationToken),
            Repairers = repairers,
            RepairerId = chosen?.Id,
            Q = term,
            Rows = list,
        };
    }

    /// <summary>The job's Winformex page; <paramref name="invalid"/> keeps what the user typed when it was refused.</summary>
    public async Task<WinformexPageModel?> JobAsync(int jobId, SecondCircuitForm? invalid, SecondCircuitLinkForm? invalidLink, string? compareWith, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().Include(j => j.Repairer).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var file = await db.InformexJobFiles.AsNoTracking().SingleOrDefaultAsync(f => f.JobId == jobId, cancellationToken);
        var samePlate = job.RegistrationKey.Length == 0 ? [] : await db.InformexTransmissions.AsNoTracking()
            .Where(t => t.RepairerId == job.RepairerId && t.LicensePlateKey == job.RegistrationKey)
            .OrderByDescending(t => t.ReceivedAt).Take(PickRows)
            .Select(t => new InformexPickRow(t.AssignmentNumber, t.InsurerName, t.ClaimNumber, t.LicensePlate, t.Make, t.Model, t.CustomerName, t.ReceivedAt))
            .ToListAsync(cancellationToken);
        var sent = await outgoing.SentAsync(jobId, LogPlatform.Informex, cancellationToken);
        var photos = (await db.JobPhotos.AsNoTracking().Where(p => p.JobId == jobId).OrderBy(p => p.Id).Select(p => new { p.Id, p.OriginalFileName }).ToListAsync(cancellationToken))
            .Select(p => new InformexPhotoChoice(p.Id, p.OriginalFileName, sent.Contains(p.Id))).ToList();
        return new WinformexPageModel
        {
            JobId = job.Id,
            JobNumber = job.Number,
            Registration = job.Registration,
            RepairerName = job.Repairer?.Name ?? string.Empty,
            Mailbox = job.Repairer?.ExternalReference,
            Enabled = await settings.IsEnabledAsync(ConnectorKind.Informex, cancellationToken),
            Claims360Active = await settings.IsEnabledAsync(ConnectorKind.Claims360, cancellationToken),
            Form = invalid ?? SecondCircuitForm.From(file, job),
            LinkForm = invalidLink ?? (samePlate.Any(t => t.AssignmentNumber == file?.AssignmentNumber) ? new SecondCircuitLinkForm { Picked = file?.AssignmentNumber } : new SecondCircuitLinkForm { Typed = file?.AssignmentNumber }),
            DossierNumber = file?.DossierNumber,
            SentAt = file?.SentAt,
            AssignmentNumber = file?.AssignmentNumber,
            LinkSentAt = file?.LinkSentAt,
            SamePlate = samePlate,
            Photos = photos,
            Estimate = await estimates.ViewAsync(jobId, LogPlatform.Informex, compareWith, CompareParameter, "winformex-estimate", "ifx", "Informex.NoEstimate", cancellationToken),
        };
    }
}

public sealed record InformexJobCardModel(int JobId, string? DossierNumber, string? AssignmentNumber, bool LinkPending, int SamePlate, EstimateSummary? Estimate);

/// <summary>
/// The Winformex card on the job screen: shown while Informex is on and Claims360 is off (the
/// Claims360 card takes its place once Claims360 is on, seed claims360-link.nl).
/// </summary>
public sealed class InformexJobCard(PlanManagerDbContext db, ConnectorSettings settings, EstimateVersions estimates) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int jobId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!await settings.IsEnabledAsync(ConnectorKind.Informex, cancellationToken) || await settings.IsEnabledAsync(ConnectorKind.Claims360, cancellationToken))
        {
            return Content(string.Empty);
        }

        var file = await db.InformexJobFiles.AsNoTracking().SingleOrDefaultAsync(f => f.JobId == jobId, cancellationToken);
        var samePlate = await db.Jobs.Where(j => j.Id == jobId && j.RegistrationKey != "")
            .Select(j => db.InformexTransmissions.Count(t => t.RepairerId == j.RepairerId && t.LicensePlateKey == j.RegistrationKey))
            .FirstOrDefaultAsync(cancellationToken);
        var estimate = await estimates.NewestAsync(jobId, LogPlatform.Informex, cancellationToken);
        return View("~/Features/Informex/Views/_JobCard.cshtml",
            new InformexJobCardModel(jobId, file?.DossierNumber, file?.AssignmentNumber, file is { AssignmentNumber: not null, LinkSentAt: null }, samePlate, estimate));
    }
}
