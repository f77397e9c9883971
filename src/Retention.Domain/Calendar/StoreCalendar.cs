namespace Retention.Domain.Calendar;

/// <summary>
/// The store's calendar: which day (and so which week, month, quarter) an instant falls in, in the store's time zone.
/// A purchase at 23:30 UTC on 31 January is a February purchase for a store in Europe/Berlin. Days are whole
/// calendar days in that zone, so DST changes make some days 23 or 25 hours long, never move a purchase to another day.
/// </summary>
public sealed class StoreCalendar
{
    private readonly bool _isUtc;

    public StoreCalendar(TimeZoneInfo zone)
    {
        Zone = zone;
        _isUtc = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;
    }

    public static StoreCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    /// <summary>The store day an instant falls in.</summary>
    public DateOnly DayOf(DateTimeOffset instant) =>
        _isUtc
            ? DateOnly.FromDayNumber((int)(instant.UtcTicks / TimeSpan.TicksPerDay))
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The first instant of a store day (midnight in the zone; the first valid instant when DST skips midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
