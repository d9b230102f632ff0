using System.Globalization;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// Points in time are stored in UTC and shown in the bodyshop's time zone (App:TimeZone,
/// Europe/Brussels by default), whatever zone the server runs in.
/// </summary>
public static class DisplayTime
{
    public static TimeZoneInfo Zone { get; private set; } = FindZone("Europe/Brussels");

    public static void Configure(string? zoneId) => Zone = FindZone(string.IsNullOrWhiteSpace(zoneId) ? "Europe/Brussels" : zoneId);

    public static DateTimeOffset Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public static string Date(DateTimeOffset? value) => value is { } v ? Local(v).ToString("d", CultureInfo.CurrentCulture) : string.Empty;

    public static string DateTime(DateTimeOffset? value) => value is { } v ? Local(v).ToString("g", CultureInfo.CurrentCulture) : string.Empty;

    public static string Date(DateOnly? value) => value?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(Local(clock.GetUtcNow()).DateTime);
    }

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
