using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.TimeRegistration;

public sealed class OpenKioskForm
{
    [Display(Name = "Job.Repairer")]
    public int? RepairerId { get; set; }

    [Display(Name = "Kiosk.Name")]
    public string? Name { get; set; }
}

public sealed record KioskRow(Guid Id, string Name, string Repairer, string OpenedBy, DateTimeOffset OpenedAt, DateTimeOffset? LockedUntil);

public sealed record KiosksModel(OpenKioskForm Form, IReadOnlyList<KioskRow> Open, IReadOnlyList<RepairerOption> Repairers, DateTimeOffset Now);

/// <summary>Staff open a tablet for a repairer (on the tablet itself) and close tablets from anywhere (W2).</summary>
public sealed class Kiosks(PlanManagerDbContext db, TimeProvider clock, IHttpContextAccessor http, RepairerOptions repairerOptions)
{
    public async Task<KiosksModel> ListAsync(OpenKioskForm? form, CancellationToken cancellationToken)
    {
        var open = await db.Kiosks.AsNoTracking().Where(k => k.ClosedAt == null).OrderBy(k => k.Repairer!.Name).ThenBy(k => k.OpenedAt)
            .Select(k => new KioskRow(k.Id, k.Name, k.Repairer!.Name, k.OpenedBy, k.OpenedAt, k.LockedUntil)).ToListAsync(cancellationToken);
        var repairers = await repairerOptions.GetAsync(db, cancellationToken);
        return new KiosksModel(form ?? new OpenKioskForm(), open, repairers, clock.GetUtcNow());
    }

    /// <summary>Null when the form is not valid (no such repairer, a name too long or with control characters).</summary>
    public async Task<Guid?> OpenAsync(OpenKioskForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var name = Text.Clean(form.Name);
        if (form.RepairerId is not { } repairer || !await db.Repairers.AnyAsync(r => r.Id == repairer, cancellationToken)
            || name is { Length: > KioskLimits.Name } || Text.HasControlCharacters(form.Name))
        {
            return null;
        }

        var kiosk = new Kiosk
        {
            Id = Guid.NewGuid(),
            RepairerId = repairer,
            Name = name ?? "Tablet",
            OpenedBy = User,
            OpenedAt = clock.GetUtcNow(),
        };
        db.Kiosks.Add(kiosk);
        await db.SaveChangesAsync(cancellationToken);
        return kiosk.Id;
    }

    public async Task<bool> CloseAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Kiosks.Where(k => k.Id == id && k.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.ClosedAt, clock.GetUtcNow()).SetProperty(k => k.ClosedBy, User), cancellationToken) > 0;

    private string User => http.HttpContext?.User.Identity?.Name ?? "system";
}
