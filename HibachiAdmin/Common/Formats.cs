using System.Globalization;

namespace HibachiAdmin.Common;

/// <summary>
/// The one place times and money are formatted for people: instants stored in UTC are shown in
/// <c>Business:TimeZone</c>, "today/tomorrow" is computed there, and money is in US dollars whatever
/// the server's culture (a Linux host with invariant globalization printed <c>¤1,500</c>).
/// </summary>
public sealed class Formats(IConfiguration configuration, TimeProvider time)
{
    /// <summary>
    /// English names and a US-dollar currency built on the invariant culture, so the output is the
    /// same on every host (en-US itself may be missing or be the invariant culture under invariant globalization).
    /// </summary>
    public static readonly CultureInfo Culture = BuildCulture();

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

    /// <summary>Now in the business's zone.</summary>
    public DateTime LocalNow => Local(time.GetUtcNow().UtcDateTime);

    /// <summary>The business's calendar day now (not UTC's: 11 PM in New York is already tomorrow in UTC).</summary>
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>Monday of the business week containing <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The UTC instant at which <paramref name="day"/> starts in the business's zone (for "today" queries over UTC columns).</summary>
    public DateTime UtcStartOf(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>"Today 3:05 PM", "Tomorrow 8:00 AM", "Nov 24 3:05 PM" — in the business's zone.</summary>
    public string When(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return "";
        }
        var local = Local(value);
        return $"{DayWord(DateOnly.FromDateTime(local)) ?? ShortDate(DateOnly.FromDateTime(local))} {Time(TimeOnly.FromDateTime(local))}";
    }

    /// <summary>"Nov 24 3:05 PM" (with the year when it is not this year) — no "today", for histories and printouts.</summary>
    public string Stamp(DateTime utc)
    {
        var local = Local(utc);
        return $"{ShortDate(DateOnly.FromDateTime(local))} {Time(TimeOnly.FromDateTime(local))}";
    }

    /// <summary>"Today", "Tomorrow", "Yesterday", or "Sat, Nov 28" (a year added when it is not this year).</summary>
    public string Day(DateOnly day) => DayWord(day) ?? (day.Year == Today.Year ? day.ToString("ddd, MMM d", Culture) : day.ToString("ddd, MMM d, yyyy", Culture));

    /// <summary>"Saturday, November 28, 2026".</summary>
    public static string LongDate(DateOnly day) => day.ToString("dddd, MMMM d, yyyy", Culture);

    /// <summary>"Nov 28" this year, "Nov 28, 2027" otherwise.</summary>
    public string ShortDate(DateOnly day) => day.ToString(day.Year == Today.Year ? "MMM d" : "MMM d, yyyy", Culture);

    /// <summary>"5:00 PM"; empty for no time.</summary>
    public static string Time(TimeOnly? at) => at is { } t ? t.ToString("h:mm tt", Culture) : "";

    /// <summary>"today", "tomorrow", "in 5 days", "yesterday", "3 days ago", counted in the business's days.</summary>
    public string Relative(DateOnly day) => (day.DayNumber - Today.DayNumber) switch
    {
        0 => "today",
        1 => "tomorrow",
        -1 => "yesterday",
        > 1 and var d => $"in {d} days",
        var d => $"{-d} days ago",
    };

    /// <summary>"45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds} s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? (span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min")
            : span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    /// <summary>US dollars: whole amounts without cents ("$1,500", "$60", "$0"), others with cents ("$12.50", "$0.02").</summary>
    public static string Money(decimal amount) => amount.ToString(amount % 1 == 0 ? "C0" : "C2", Culture);

    /// <summary>US dollars always with cents ("$1,500.00"), for balances and receipts.</summary>
    public static string Cents(decimal amount) => amount.ToString("C2", Culture);

    /// <summary>Who did something, as a name: "maria.lopez@hibachi.local" → "Maria Lopez"; system sources read as such.</summary>
    public static string Person(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name == Actor.System.Name)
        {
            return "the system";
        }
        if (name == "demo-seed")
        {
            return "demo data";
        }
        var parts = name.Split('@')[0].Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? name : string.Join(' ', parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private string? DayWord(DateOnly day) => (day.DayNumber - Today.DayNumber) switch
    {
        0 => "Today",
        1 => "Tomorrow",
        -1 => "Yesterday",
        _ => null,
    };

    private static CultureInfo BuildCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var n = culture.NumberFormat;
        n.CurrencySymbol = "$";
        n.CurrencyDecimalSeparator = ".";
        n.CurrencyGroupSeparator = ",";
        n.CurrencyDecimalDigits = 2;
        n.CurrencyPositivePattern = 0; // $n
        n.CurrencyNegativePattern = 1; // -$n
        n.NumberDecimalSeparator = ".";
        n.NumberGroupSeparator = ",";
        var d = culture.DateTimeFormat;
        d.AMDesignator = "AM";
        d.PMDesignator = "PM";
        return CultureInfo.ReadOnly(culture);
    }
}
