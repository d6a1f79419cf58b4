using System.Globalization;

namespace HibachiAdmin.Features.Messaging.Contracts;

public sealed partial class TextingRules
{
    /// <summary>One rule as the engine applies it: its window on a local date (null: closed, with the reason in words).</summary>
    private sealed class Limit
    {
        private readonly Func<DateOnly, (DayWindow? Window, string? Closed)> _on;
        private readonly bool _sameEveryDay;

        private Limit(string key, string name, string citation, TimeZoneInfo? fixedZone, bool sameEveryDay, Func<DateOnly, (DayWindow?, string?)> on)
        {
            Key = key;
            Name = name;
            Citation = citation;
            FixedZone = fixedZone;
            _sameEveryDay = sameEveryDay;
            _on = on;
        }

        public string Key { get; }

        public string Name { get; }

        public string Citation { get; }

        /// <summary>A zone this rule is read in whatever the person's zone (Mississippi's Central Standard Time).</summary>
        public TimeZoneInfo? FixedZone { get; }

        public static Limit Federal(StateRuleTable table) =>
            new("federal", "Federal law", table.FederalCitation, null, true, _ => (table.Federal, null));

        public static Limit Row(StateRule row, TimeZoneInfo? fixedZone) =>
            new(fixedZone is null ? row.State : $"{row.State}-standard", row.Name, row.Citation, fixedZone, row.SameEveryDay, date =>
            {
                if (row.EffectiveFrom is { } from && date < from)
                {
                    return (DayWindow.AllDay, null);
                }
                if (row.Holidays.Count > 0 && HolidayCalendar.Closing(date, row.Holidays) is { } holiday)
                {
                    var label = HolidayCalendar.Label(holiday.Holiday) + (holiday.Observed ? " observed" : "");
                    return (null, $"{label} ({date.ToString("dddd, MMMM d", CultureInfo.InvariantCulture)})");
                }
                var window = row.WindowOn(date.DayOfWeek);
                return (window, window is null ? DayKind(date.DayOfWeek, plural: true) : null);
            });

        public static Limit Tightened(StateRuleTightening t, string stateName) =>
            new($"{t.State}-tightened", $"Your rule for {stateName} ({t.Why}, set by {t.By})", "stricter than the law", null,
                t.Weekday == t.Saturday && t.Saturday == t.Sunday, date =>
                {
                    var window = t.WindowOn(date.DayOfWeek);
                    return (window, window is null ? DayKind(date.DayOfWeek, plural: true) : null);
                });

        public (DayWindow? Window, string? Closed) On(DateOnly date) => _on(date);

        public bool Allows(DateTime local) => On(DateOnly.FromDateTime(local)).Window is { } w && w.Contains(local.TimeOfDay);

        /// <summary>The next window start after <paramref name="local"/> (outside the window), in UTC; days passed over closed are noted.</summary>
        public DateTime NextStart(DateTime local, TimeZoneInfo zone, List<string> closed, DateTime giveUp)
        {
            var date = DateOnly.FromDateTime(local);
            for (var i = 0; i <= HorizonDays; i++, date = date.AddDays(1))
            {
                var (window, why) = On(date);
                if (window is not { } w)
                {
                    if (!closed.Contains(why!))
                    {
                        closed.Add(why!);
                    }
                    continue;
                }
                // Today's window counts only while its start is still ahead; past its end, tomorrow's.
                if (i == 0 && local.TimeOfDay >= w.Start)
                {
                    continue;
                }
                var start = date.ToDateTime(TimeOnly.MinValue).Add(w.Start);
                // A window start inside a DST gap does not exist locally; the hour after it does.
                if (zone.IsInvalidTime(start))
                {
                    start = start.AddHours(1);
                }
                return TimeZoneInfo.ConvertTimeToUtc(start, zone);
            }
            return giveUp;
        }

        /// <summary>"Texas allows 12:00–21:00 on Sundays (citation)" for the day the text goes, and a stable key of that day kind.</summary>
        public (string Text, string DayKey) Allowing(DateOnly date, List<string> closed)
        {
            var window = On(date).Window;
            var when = window is { } w ? w.ToString() : "nothing";
            if (FixedZone is not null)
            {
                when += " Central Standard Time";
            }
            var dayKey = _sameEveryDay ? "daily" : DayKind(date.DayOfWeek, plural: false);
            var days = _sameEveryDay ? "" : $" on {DayKind(date.DayOfWeek, plural: true)}";
            var none = closed.Count == 0 ? "" : $"no texts on {string.Join(" or ", closed)}, and ";
            return ($"{Name} allows {none}{when}{days} ({Citation})", dayKey);
        }

        private static string DayKind(DayOfWeek day, bool plural) => day switch
        {
            DayOfWeek.Saturday => plural ? "Saturdays" : "saturday",
            DayOfWeek.Sunday => plural ? "Sundays" : "sunday",
            _ => plural ? "weekdays" : "weekday",
        };
    }
}
