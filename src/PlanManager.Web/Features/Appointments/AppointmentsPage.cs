using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Portal;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.Web.Features.Appointments;

public sealed record AppointmentRow(
    int Id, DateTimeOffset Start, AppointmentKind Kind, AppointmentStatus Status, string CustomerName, string? Phone, string? Email, string? Message,
    int? JobId, int? JobNumber, string? Registration, IReadOnlyList<HeldPhotoRow> Photos)
{
    /// <summary>A new customer's booking waiting for staff: no job yet.</summary>
    public bool IsRequest => JobId is null && Status == AppointmentStatus.Requested;
}

public sealed record HeldPhotoRow(int Id, string FileName);

public sealed class AppointmentsModel
{
    public required int RepairerId { get; init; }
    public required IReadOnlyList<SelectListItem> Repairers { get; init; }
    public required DateOnly From { get; init; }
    public required bool Week { get; init; }
    public required IReadOnlyList<AppointmentRow> Rows { get; init; }

    /// <summary>New customers' bookings still to be confirmed, from today on, soonest first (on any day).</summary>
    public required IReadOnlyList<AppointmentRow> Requests { get; init; }
    public required IReadOnlyList<SlotOption> FreeSlots { get; init; }
    public required AppointmentSchedule Schedule { get; init; }

    public int Days => Week ? 7 : 1;
}

public sealed record HeldPhotoFile(Stream Content, string ContentType, string StoredName);

/// <summary>The staff Appointments page: a repairer's appointments of a day or a week.</summary>
public sealed class AppointmentsPage(PlanManagerDbContext db, AppointmentSlots slots, DisplayTime displayTime, IPhotoStorage storage)
{
    /// <summary>A held photo of this appointment (never a name from the request), or null.</summary>
    public async Task<HeldPhotoFile?> HeldPhotoAsync(int appointmentId, int photoId, CancellationToken cancellationToken)
    {
        var photo = await db.HeldPhotos.AsNoTracking().Where(p => p.Id == photoId && p.AppointmentId == appointmentId)
            .Select(p => new { p.StoredName, p.Format }).SingleOrDefaultAsync(cancellationToken);
        if (photo is null || await storage.OpenReadAsync(photo.StoredName, cancellationToken) is not { } content)
        {
            return null;
        }

        return new HeldPhotoFile(content, PhotoContent.ContentType(photo.Format), photo.StoredName);
    }

    public async Task<AppointmentsModel> BuildAsync(int? repairerId, DateOnly? date, bool week, CancellationToken cancellationToken)
    {
        var repairers = await db.Repairers.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var id = repairerId is { } chosen && repairers.Any(r => r.Id == chosen) ? chosen : repairers.FirstOrDefault()?.Id ?? 0;
        var day = date ?? displayTime.Today();
        var from = week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        var start = displayTime.At(from, TimeOnly.MinValue);
        var end = displayTime.At(from.AddDays(week ? 7 : 1), TimeOnly.MinValue);
        var rows = await RowsAsync(db.Appointments.Where(a => a.RepairerId == id && a.Start >= start && a.Start < end), cancellationToken);
        var requests = await RowsAsync(
            db.Appointments.Where(a => a.RepairerId == id && a.JobId == null && a.Status == AppointmentStatus.Requested && a.Start >= displayTime.At(displayTime.Today(), TimeOnly.MinValue)),
            cancellationToken);
        return new AppointmentsModel
        {
            RepairerId = id,
            Repairers = repairers.Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id == id)).ToList(),
            From = from,
            Week = week,
            Rows = rows,
            Requests = requests,
            FreeSlots = id == 0 ? [] : await slots.FreeAsync(id, cancellationToken),
            Schedule = await slots.ScheduleAsync(id, cancellationToken),
        };
    }

    private static Task<List<AppointmentRow>> RowsAsync(IQueryable<Appointment> appointments, CancellationToken cancellationToken) =>
        appointments.AsNoTracking()
            .OrderBy(a => a.Start).ThenBy(a => a.Id)
            .Take(AppointmentLimits.PageRows)
            .Select(a => new AppointmentRow(
                a.Id, a.Start, a.Kind, a.Status, a.CustomerName, a.Phone, a.Email, a.Message,
                a.JobId, a.Job != null ? a.Job.Number : null, a.Job != null ? a.Job.Registration : a.Registration,
                a.HeldPhotos.OrderBy(p => p.Id).Select(p => new HeldPhotoRow(p.Id, p.OriginalFileName)).ToList()))
            .ToListAsync(cancellationToken);
}

/// <summary>One appointment on the page; <paramref name="ShowDay"/> in the to-be-confirmed list, which spans days.</summary>
public sealed record AppointmentRowView(AppointmentRow Row, IReadOnlyList<SlotOption> FreeSlots, string ReturnUrl, bool ShowDay);
