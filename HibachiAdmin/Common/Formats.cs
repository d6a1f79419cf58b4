using System.Globalization;

namespace HibachiAdmin.Common;

/// <summary>
/// The one place times and money are formatted for people: instants stored in UTC are shown in
/// <c>Business:TimeZone</c>, money in US dollars whatever the server's culture.
/// </summary>
public sealed class Formats(IConfiguration configuration, TimeProvider time)
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    private readonly TimeZoneInfo _zone = TimeZoneInfo.TryFindSystemTimeZoneById(configuration["Business:TimeZone"] ?? "America/New_York", out var z) ? z : TimeZoneInfo.Utc;

    public TimeZoneInfo Zone => _zone;

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>A wall-clock time typed in the business's zone, in UTC (a time skipped by the spring DST change moves an hour later).</summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
    }

    public DateOnly Today => DateOnly.FromDateTime(Local(time.GetUtcNow().UtcDateTime));

    /// <summary>"Today 3:05 PM", "Tomorrow 8:00 AM", "Nov 24 3:05 PM" — in the business's zone.</summary>
    public string When(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return "";
        }
        var local = Local(value);
        var day = DateOnly.FromDateTime(local);
        var prefix = day == Today ? "Today" : day == Today.AddDays(1) ? "Tomorrow" : day == Today.AddDays(-1) ? "Yesterday" : local.ToString("MMM d", Culture);
        return $"{prefix} {local.ToString("h:mm tt", Culture)}";
    }

    public static string Money(decimal amount) => amount.ToString(amount % 1 == 0 && Math.Abs(amount) >= 100 ? "C0" : "C2", Culture);
}
