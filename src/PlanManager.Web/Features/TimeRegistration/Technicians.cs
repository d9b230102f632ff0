using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.Web.Features.TimeRegistration;

public sealed class TechnicianForm
{
    public int? Id { get; set; }

    [Display(Name = "Technician.Name")]
    public string? Name { get; set; }

    [Display(Name = "Job.Repairer")]
    public int? RepairerId { get; set; }

    [Display(Name = "Technician.Department")]
    public Department? Department { get; set; }
}

public sealed class TechnicianFormValidator : AbstractValidator<TechnicianForm>
{
    public TechnicianFormValidator(IStringLocalizer<SharedResource> texts)
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(TechnicianLimits.Name).NoControlCharacters(texts);
        RuleFor(t => t.RepairerId).NotNull();
        RuleFor(t => t.Department).NotNull().IsInEnum();
    }
}

public sealed record TechnicianRow(int Id, string Name, string Repairer, Department Department, bool Active, bool HasOpenClock);

public sealed record TechnicianListModel(int? Repairer, bool Descending, IReadOnlyList<TechnicianRow> Rows, IReadOnlyList<RepairerOption> Repairers);

public sealed record TechnicianEditModel(TechnicianForm Form, IReadOnlyList<SelectListItem> Repairers, bool Active);

/// <summary>The outcome of a save or a new code; the code is shown once, then only its hash is kept.</summary>
public sealed record TechnicianSaved(CommandResult Result, string? Code = null);

/// <summary>Technicians per repairer (W2): list sorted by name, add, edit, deactivate, new code.</summary>
public sealed class Technicians(PlanManagerDbContext db, IValidator<TechnicianForm> validator, IStringLocalizer<SharedResource> texts, TimeProvider clock, RepairerOptions repairerOptions)
{
    public async Task<TechnicianListModel> ListAsync(int? repairer, bool descending, CancellationToken cancellationToken)
    {
        var query = db.Technicians.AsNoTracking();
        if (repairer is { } id)
        {
            query = query.Where(t => t.RepairerId == id);
        }

        var sorted = descending ? query.OrderByDescending(t => t.Name) : query.OrderBy(t => t.Name);
        var rows = await sorted.ThenBy(t => t.Id)
            .Select(t => new TechnicianRow(t.Id, t.Name, t.Repairer!.Name, t.Department, t.Active, db.ClockLines.Any(l => l.TechnicianId == t.Id && l.EndedAt == null)))
            .ToListAsync(cancellationToken);
        return new TechnicianListModel(repairer, descending, rows, await RepairerOptionsAsync(cancellationToken));
    }

    public async Task<TechnicianEditModel?> EditAsync(int? id, CancellationToken cancellationToken)
    {
        var form = new TechnicianForm();
        var active = true;
        if (id is { } existing)
        {
            var technician = await db.Technicians.AsNoTracking().SingleOrDefaultAsync(t => t.Id == existing, cancellationToken);
            if (technician is null)
            {
                return null;
            }

            form = new TechnicianForm { Id = technician.Id, Name = technician.Name, RepairerId = technician.RepairerId, Department = technician.Department };
            active = technician.Active;
        }

        return await ModelAsync(form, active, cancellationToken);
    }

    public async Task<TechnicianEditModel> ModelAsync(TechnicianForm form, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var repairers = await RepairerOptionsAsync(cancellationToken);
        return new TechnicianEditModel(form, repairers.Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id == form.RepairerId)).ToList(), active);
    }

    public async Task<TechnicianSaved> SaveAsync(TechnicianForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new TechnicianSaved(CommandResult.Invalid(validation));
        }

        if (!await db.Repairers.AnyAsync(r => r.Id == form.RepairerId, cancellationToken))
        {
            return new TechnicianSaved(CommandResult.Invalid(nameof(TechnicianForm.RepairerId), texts["Validation.Required"]));
        }

        Technician technician;
        string? code = null;
        if (form.Id is { } id)
        {
            var found = await db.Technicians.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (found is null)
            {
                return new TechnicianSaved(CommandResult.NotFound);
            }

            technician = found;
            if (technician.RepairerId != form.RepairerId!.Value && technician.Active)
            {
                // A code is unique per repairer: moving to another repairer gives a new one.
                technician.RepairerId = form.RepairerId.Value;
                code = await NewCodeAsync(technician, cancellationToken);
            }
        }
        else
        {
            technician = new Technician { RepairerId = form.RepairerId!.Value };
            db.Technicians.Add(technician);
            code = await NewCodeAsync(technician, cancellationToken);
        }

        technician.RepairerId = form.RepairerId!.Value;
        technician.Name = Text.Clean(form.Name)!;
        technician.Department = form.Department!.Value;
        await SaveWithCodeAsync(technician, code, cancellationToken);
        return new TechnicianSaved(CommandResult.Saved(technician.Id), technician.CodeHash is null ? null : code);
    }

    /// <summary>A new code (and active again, if deactivated); returns it to be shown once.</summary>
    public async Task<string?> NewCodeAsync(int id, CancellationToken cancellationToken)
    {
        var technician = await db.Technicians.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (technician is null)
        {
            return null;
        }

        technician.Active = true;
        var code = await NewCodeAsync(technician, cancellationToken);
        return await SaveWithCodeAsync(technician, code, cancellationToken);
    }

    /// <summary>Deactivates: the code stops working and is free again; an open clock is closed now.</summary>
    public async Task<bool> DeactivateAsync(int id, CancellationToken cancellationToken)
    {
        var technician = await db.Technicians.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (technician is null)
        {
            return false;
        }

        technician.Active = false;
        technician.CodeHash = null;
        if (await db.ClockLines.SingleOrDefaultAsync(l => l.TechnicianId == id && l.EndedAt == null, cancellationToken) is { } open)
        {
            open.End(clock.GetUtcNow(), ClockEnd.Deactivated);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A random code no other technician of the repairer has.</summary>
    private async Task<string> NewCodeAsync(Technician technician, CancellationToken cancellationToken)
    {
        var taken = (await db.Technicians.AsNoTracking().Where(t => t.RepairerId == technician.RepairerId && t.CodeHash != null && t.Id != technician.Id)
            .Select(t => t.CodeHash!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var code = TechnicianCode.NewCode();
            var hash = TechnicianCode.Hash(technician.RepairerId, code);
            if (!taken.Contains(hash))
            {
                technician.CodeHash = hash;
                return code;
            }
        }

        throw new InvalidOperationException("No free technician code found for the repairer.");
    }

    /// <summary>Saves; if another save took the same code at the same moment (the unique index), draws again.</summary>
    private async Task<string?> SaveWithCodeAsync(Technician technician, string? code, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return code;
            }
            catch (DbUpdateException) when (code is not null && attempt < 3)
            {
                code = await NewCodeAsync(technician, cancellationToken);
            }
        }
    }

    private Task<IReadOnlyList<RepairerOption>> RepairerOptionsAsync(CancellationToken cancellationToken) =>
        repairerOptions.GetAsync(db, cancellationToken);
}
