namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// When a party takes place: it starts at its start time (17:00 when none was agreed) in the business's time zone and
/// lasts <see cref="Length"/>. The one definition the saga's texts, chef assignments and the calendar use.
/// A party occupies the half-open interval [start, end): one ending exactly when the next starts does not overlap it.
/// </summary>
public static class PartyTimes
{
    public static readonly TimeOnly DefaultStart = new(17, 0);
    public static readonly TimeSpan Length = TimeSpan.FromHours(3);

    public static DateTime StartUtc(DateOnly date, TimeOnly? time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time ?? DefaultStart, DateTimeKind.Unspecified);
        // A start inside the spring-forward gap (02:30 that never happens) is the same wall time an hour later.
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }

    public static DateTime EndUtc(DateOnly date, TimeOnly? time, TimeZoneInfo zone) => StartUtc(date, time, zone) + Length;

    /// <summary>True when two half-open intervals share at least one instant (touching edges do not).</summary>
    public static bool Overlap(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;

    /// <summary>The business days (local dates) a party starting at <paramref name="startUtc"/> touches: one ending at midnight does not touch the next day.</summary>
    public static IReadOnlyList<DateOnly> Days(DateTime startUtc, DateTime endUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone));
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(endUtc, DateTimeKind.Utc).AddTicks(-1), zone));
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days.Add(d);
        }
        return days;
    }
}
