namespace PlanManager.Web.Domain.Workshop;

/// <summary>
/// When a clock left open is closed (W2): at the repairer's closing hour, in local time, on the day
/// it was started. A clock started on a closed day or after closing is closed at the end of that
/// local day. Computed from the local date and time through the zone, so a day of 23 or 25 hours
/// (the DST changes) closes at the right instant.
/// </summary>
public static class ClosingTime
{
    public static DateTimeOffset For(DateTimeOffset startedAt, AppointmentSchedule schedule, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(zone);
        var localStart = TimeZoneInfo.ConvertTime(startedAt, zone);
        var day = DateOnly.FromDateTime(localStart.DateTime);
        if (schedule.IsOpenOn(day.DayOfWeek))
        {
            var closing = ToUtc(day.ToDateTime(schedule.Closes), zone);
            if (closing > startedAt)
            {
                return closing;
            }
        }

        return ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by the spring change is taken as the first instant after it.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }

        // An ambiguous time (the autumn hour that happens twice) is taken at its first occurrence, the summer offset.
        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
