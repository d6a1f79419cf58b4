namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// A person's quiet hours, a local-time window in the business time zone: from <c>From</c> (inclusive) to <c>Until</c>
/// (exclusive), crossing midnight when <c>From</c> is later than <c>Until</c> (22:00–07:00). Equal or missing ends mean
/// none. Pure, so its minute edges are tested directly.
/// </summary>
public static class PersonalQuietHours
{
    public static bool IsQuiet(TimeOnly? from, TimeOnly? until, TimeOnly local)
    {
        if (from is not { } start || until is not { } end || start == end)
        {
            return false;
        }
        // Stryker disable once Equality : start == end returned above, so "<" and "<=" cannot differ here
        return start < end ? local >= start && local < end : local >= start || local < end;
    }

    /// <summary>
    /// The first instant at or after <paramref name="utc"/> outside the quiet hours (the instant itself when it is not
    /// quiet): the local <c>Until</c> on the right day, in UTC.
    /// </summary>
    public static DateTime NextAllowed(TimeOnly? from, TimeOnly? until, DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        if (!IsQuiet(from, until, TimeOnly.FromDateTime(local)))
        {
            return utc;
        }
        var end = until!.Value;
        var day = DateOnly.FromDateTime(local);
        // Stryker disable once Equality : local == end is not quiet (Until is exclusive) and returned above, so ">=" and ">" cannot differ here
        if (TimeOnly.FromDateTime(local) >= end)
        {
            day = day.AddDays(1);
        }
        var next = day.ToDateTime(end, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(next))
        {
            next = next.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(next, zone);
    }
}
