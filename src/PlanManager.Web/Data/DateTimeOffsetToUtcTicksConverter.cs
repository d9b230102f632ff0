using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PlanManager.Web.Data;

/// <summary>Stores a point in time as UTC ticks (a long), readable back as UTC.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
