using System.Globalization;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Local hours of one day when texts may go: <see cref="Start"/> inclusive, <see cref="End"/> exclusive (24:00 at most).</summary>
public readonly record struct DayWindow(TimeSpan Start, TimeSpan End)
{
    /// <summary>The whole day: a rule not yet in force restricts nothing.</summary>
    public static readonly DayWindow AllDay = new(TimeSpan.Zero, TimeSpan.FromHours(24));

    public bool Contains(TimeSpan timeOfDay) => timeOfDay >= Start && timeOfDay < End;

    /// <summary>Whether this window lies inside <paramref name="other"/> (a tightening never opens what the law closes).</summary>
    public bool Within(DayWindow other) => Start >= other.Start && End <= other.End;

    /// <summary>"HH:mm" (or "HHmm") → a time of day; 24:00 is the end of the day.</summary>
    public static TimeSpan ParseTime(string text)
    {
        var digits = text.Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 4 || !int.TryParse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(digits[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59 || h * 60 + m > 24 * 60)
        {
            throw new FormatException($"Expected a time as HH:mm, not '{text}'.");
        }
        return new TimeSpan(h, m, 0);
    }

    public static string Format(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";

    public override string ToString() => $"{Format(Start)}–{Format(End)}";
}
