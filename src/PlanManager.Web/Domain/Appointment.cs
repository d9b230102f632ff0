namespace PlanManager.Web.Domain;

public enum AppointmentKind
{
    Estimate = 0,
    Repair = 1,
}

public enum AppointmentStatus
{
    Requested = 0,
    Confirmed = 1,
    Cancelled = 2,
}

/// <summary>
/// A customer's visit to a repairer (P1, P2). A booking for a job the customer already has is for
/// that job; a new customer's booking is a <b>request</b> without a job (decision 0011): it holds
/// the customer's details and photos until staff confirm it, which opens the job through the one
/// door (<c>OpenJob</c>), or reject it, which gives the place back and removes the photos.
/// It holds one of the places of its slot: (repairer, start, place) is unique, so two customers
/// can never hold the same place, even when they submit at the same moment. A cancelled
/// appointment gives its place back by taking a negative place no booking ever uses.
/// </summary>
public class Appointment : IStamped
{
    public int Id { get; set; }
    public int RepairerId { get; set; }
    public Repairer? Repairer { get; set; }
    /// <summary>Null while a new customer's booking waits for staff to confirm it.</summary>
    public int? JobId { get; set; }
    public Job? Job { get; set; }
    public AppointmentKind Kind { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Requested;

    /// <summary>Start of the slot (UTC).</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>1 to the slot's capacity while the appointment holds a place.</summary>
    public int Place { get; set; }

    public string CustomerName { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Message { get; set; }

    /// <summary>The language the customer used on the portal ("en", "nl", "fr"): their messages are written in it (M1).</summary>
    public string? Language { get; set; }

    /// <summary>The plate the customer typed (normalised), kept for a request until its job exists.</summary>
    public string? Registration { get; set; }

    /// <summary>A new customer's photos, held until the request is confirmed (then they move to the job).</summary>
    public List<HeldPhoto> HeldPhotos { get; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool HoldsPlace => Status != AppointmentStatus.Cancelled;

    /// <summary>A new customer's booking that no one has confirmed yet: it has no job.</summary>
    public bool IsRequest => JobId is null && Status == AppointmentStatus.Requested;

    public void Cancel()
    {
        Status = AppointmentStatus.Cancelled;
        Place = -Id;
    }
}

/// <summary>
/// A photo a new customer sent with a booking request. The file is stored (without metadata) under
/// a generated name as a job photo's is; confirming the request turns it into a <see cref="JobPhoto"/>
/// with the same file, rejecting it deletes the file.
/// </summary>
public class HeldPhoto
{
    public int Id { get; set; }
    public int AppointmentId { get; set; }
    public string StoredName { get; set; } = string.Empty;
    public string OriginalFileName { get; set; } = string.Empty;
    public PhotoFormat Format { get; set; }
    public long SizeBytes { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// A repairer's opening hours and appointment capacity, set by staff. The portal offers the slots
/// of the open days between opening and closing time, each with <see cref="Capacity"/> places.
/// </summary>
public class AppointmentSchedule
{
    public int RepairerId { get; set; }

    /// <summary>Open weekdays as bits (1 &lt;&lt; (int)DayOfWeek); Monday to Friday by default.</summary>
    public int OpenDays { get; set; } = WeekdayBits;
    public TimeOnly Opens { get; set; } = new(8, 0);
    public TimeOnly Closes { get; set; } = new(17, 0);
    public int SlotMinutes { get; set; } = 60;
    public int Capacity { get; set; } = 2;

    /// <summary>How many days ahead customers can book.</summary>
    public int DaysAhead { get; set; } = 21;

    /// <summary>Raised by every booking first, so bookings of one repairer take turns (see <see cref="Appointment"/>).</summary>
    public long Version { get; set; }

    public const int WeekdayBits = (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5);

    public bool IsOpenOn(DayOfWeek day) => (OpenDays & (1 << (int)day)) != 0;

    /// <summary>
    /// The slot starts (UTC) from the day after <paramref name="today"/> on, in the repairer's time zone.
    /// Bookings start tomorrow so staff see a request before the customer arrives.
    /// </summary>
    public IEnumerable<DateTimeOffset> Slots(DateOnly today, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (SlotMinutes <= 0 || Closes <= Opens)
        {
            yield break;
        }

        for (var day = today.AddDays(1); day <= today.AddDays(DaysAhead); day = day.AddDays(1))
        {
            if (!IsOpenOn(day.DayOfWeek))
            {
                continue;
            }

            for (var time = Opens; time.AddMinutes(SlotMinutes) <= Closes && time >= Opens; time = time.AddMinutes(SlotMinutes))
            {
                var local = day.ToDateTime(time);
                if (zone.IsInvalidTime(local))
                {
                    continue;
                }

                yield return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            }
        }
    }

    public bool Offers(DateTimeOffset start, DateOnly today, TimeZoneInfo zone) => Slots(today, zone).Contains(start.ToUniversalTime());
}

public static class AppointmentLimits
{
    public const int MaxCapacity = 50;
    public const int MaxDaysAhead = 90;
    public const int Message = 2000;

    /// <summary>Rows on one Appointments page (a week of a busy repairer fits many times over).</summary>
    public const int PageRows = 500;
}
