using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Portal;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Appointments;

public sealed record AppointmentRow(int Id, DateTimeOffset Start, AppointmentKind Kind, AppointmentStatus Status, string CustomerName, string? Phone, string? Email, string? Message, int JobId, int JobNumber, string Registration);

public sealed class AppointmentsModel
{
    public required int RepairerId { get; init; }
    public required IReadOnlyList<SelectListItem> Repairers { get; init; }
    public required DateOnly From { get; init; }
    public required bool Week { get; init; }
    public required IReadOnlyList<AppointmentRow> Rows { get; init; }
    public required IReadOnlyList<SlotOption> FreeSlots { get; init; }
    public required AppointmentSchedule Schedule { get; init; }

    public int Days => Week ? 7 : 1;
}

/// <summary>The staff Appointments page: a repairer's appointments of a day or a week.</summary>
public sealed class AppointmentsPage(PlanManagerDbContext db, AppointmentSlots slots, DisplayTime displayTime)
{
    public async Task<AppointmentsModel> BuildAsync(int? repairerId, DateOnly? date, bool week, CancellationToken cancellationToken)
    {
        var repairers = await db.Repairers.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var id = repairerId is { } chosen && repairers.Any(r => r.Id == chosen) ? chosen : repairers.FirstOrDefault()?.Id ?? 0;
        var day = date ?? displayTime.Today();
        var from = week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        var start = displayTime.At(from, TimeOnly.MinValue);
        var end = displayTime.At(from.AddDays(week ? 7 : 1), TimeOnly.MinValue);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.RepairerId == id && a.Start >= start && a.Start < end)
            .OrderBy(a => a.Start).ThenBy(a => a.Id)
            .Select(a => new AppointmentRow(a.Id, a.Start, a.Kind, a.Status, a.CustomerName, a.Phone, a.Email, a.Message, a.JobId, a.Job!.Number, a.Job.Registration))
            .ToListAsync(cancellationToken);
        return new AppointmentsModel
        {
            RepairerId = id,
            Repairers = repairers.Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id == id)).ToList(),
            From = from,
            Week = week,
            Rows = rows,
            FreeSlots = id == 0 ? [] : await slots.FreeAsync(id, cancellationToken),
            Schedule = await slots.ScheduleAsync(id, cancellationToken),
        };
    }
}
