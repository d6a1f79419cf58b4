using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Sending windows at every boundary. The rule boundaries are generated from
/// Fixtures/us-sms-quiet-hours.json (federal, FL, OK, MD, TX weekday/Saturday and Sunday: the minute
/// and second before the start, the start, the last second and minute before the end, the end; and the
/// strictest window used when the state is unknown, derived from the same file), so a
/// window moved or made inclusive in the code fails here; Fixtures/quiet-hours-vectors.tsv holds DST
/// changes, zones without DST and numbers that can be in two zones.
/// </summary>
public sealed class QuietHoursTests
{
    private static string Fixture(string name) => Fixtures.PathOf(name);

    private sealed record Rule(string Label, string? State, string Zone, DayOfWeek[] Days);

    /// <summary>The window the fixture gives for a state (null: federal) on a day.</summary>
    private static (TimeOnly Start, TimeOnly End) FixtureWindow(JsonElement root, string? state, DayOfWeek day)
    {
        static (TimeOnly, TimeOnly) Read(JsonElement w) =>
            (TimeOnly.Parse(w.GetProperty("start").GetString()!, CultureInfo.InvariantCulture), TimeOnly.Parse(w.GetProperty("end").GetString()!, CultureInfo.InvariantCulture));
        if (state == QuietHours.Strictest)
        {
            // Unknown state: the latest start and the earliest end of every rule in the fixture.
            var all = root.GetProperty("states").EnumerateArray().Select(s => FixtureWindow(root, s.GetProperty("state").GetString(), day))
                .Append(FixtureWindow(root, null, day)).ToList();
            return (all.Max(w => w.Start), all.Min(w => w.End));
        }
        var rule = root.GetProperty("states").EnumerateArray().FirstOrDefault(s => s.GetProperty("state").GetString() == state?.ToUpperInvariant());
        if (rule.ValueKind == JsonValueKind.Undefined)
        {
            return Read(root.GetProperty("federal").GetProperty("window"));
        }
        var window = rule.GetProperty("window");
        if (window.TryGetProperty("start", out _))
        {
            return Read(window);
        }
        return Read(day == DayOfWeek.Sunday ? window.GetProperty("sunday") : window.GetProperty("weekdaysAndSaturday"));
    }

    private static JsonElement Rules() => JsonDocument.Parse(File.ReadAllText(Fixture("us-sms-quiet-hours.json"))).RootElement;

    /// <summary>A Wednesday, Saturday and Sunday in December (no DST change nearby).</summary>
    private static readonly Dictionary<DayOfWeek, DateOnly> Dates = new()
    {
        [DayOfWeek.Wednesday] = new DateOnly(2026, 12, 2),
        [DayOfWeek.Saturday] = new DateOnly(2026, 12, 5),
        [DayOfWeek.Sunday] = new DateOnly(2026, 12, 6),
    };

    /// <summary>Zone used for a state: where most of its numbers are.</summary>
    private static string ZoneOf(string? state) => state switch
    {
        "OK" or "TX" => "America/Chicago",
        null => "America/Los_Angeles",
        _ => "America/New_York",
    };

    public static TheoryData<string, string, string, string, bool, string> BoundaryVectors()
    {
        var data = new TheoryData<string, string, string, string, bool, string>();
        var root = Rules();
        // Someone whose state is unknown (QuietHours.Strictest) gets every state's rule: HolidaysAndPlacesTests.
        var states = new List<string?> { null, "NY" };
        states.AddRange(root.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        foreach (var state in states)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(state));
            foreach (var (day, date) in Dates)
            {
                var (start, end) = FixtureWindow(root, state, day);
                var next = date.AddDays(1);
                var (nextStart, _) = FixtureWindow(root, state, next.DayOfWeek);
                DateTime Utc(DateOnly d, TimeOnly t) => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(t, DateTimeKind.Unspecified), zone);
                var startUtc = Utc(date, start);
                var nextStartUtc = Utc(next, nextStart);
                var label = $"{state ?? "federal"} {day}";
                void Add(string what, DateTime at, bool allowed, DateTime earliest) =>
                    data.Add($"{label} {what}", state ?? "-", zone.Id, at.ToString("O", CultureInfo.InvariantCulture), allowed, earliest.ToString("O", CultureInfo.InvariantCulture));
                Add($"start-1min ({start.AddMinutes(-1)})", startUtc.AddMinutes(-1), false, startUtc);
                Add($"start-1s", startUtc.AddSeconds(-1), false, startUtc);
                Add($"start ({start})", startUtc, true, startUtc);
                Add($"end-1min ({end.AddMinutes(-1)})", Utc(date, end).AddMinutes(-1), true, Utc(date, end).AddMinutes(-1));
                Add($"end-1s", Utc(date, end).AddSeconds(-1), true, Utc(date, end).AddSeconds(-1));
                Add($"end ({end}) waits for {next.DayOfWeek} {nextStart}", Utc(date, end), false, nextStartUtc);
                Add("midnight", Utc(date, TimeOnly.MinValue), false, startUtc);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BoundaryVectors))]
    public void Rule_boundaries_follow_the_fixture(string label, string state, string zone, string instant, bool allowed, string earliest)
    {
        var at = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var zones = new[] { TimeZoneInfo.FindSystemTimeZoneById(zone) };
        var s = state == "-" ? null : state;
        Assert.True(allowed == QuietHours.IsAllowed(at, s, zones), $"{label}: IsAllowed should be {allowed}");
        Assert.Equal(DateTime.Parse(earliest, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), QuietHours.EarliestAllowed(at, s, zones));
    }

    [Fact]
    public void Every_state_rule_in_the_fixture_has_its_own_window_in_the_code()
    {
        var root = Rules();
        var states = root.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("state").GetString()!).ToList();
        Assert.Equal(new[] { "FL", "OK", "MD", "TX" }, states);
        foreach (var state in states)
        {
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                Assert.Equal(FixtureWindow(root, state, day), Pair(TextingRules.Default.WindowIn(state, day)));
                Assert.Equal(FixtureWindow(root, state, day), Pair(TextingRules.Default.WindowIn(state.ToLowerInvariant(), day)));
            }
        }
        Assert.Equal(FixtureWindow(root, null, DayOfWeek.Sunday), Pair(TextingRules.Default.WindowIn("NY", DayOfWeek.Sunday)));
    }

    private static (TimeOnly, TimeOnly) Pair(DayWindow? w) => (TimeOnly.FromTimeSpan(w!.Value.Start), TimeOnly.FromTimeSpan(w.Value.End));

    public static TheoryData<string, string, string, string, bool, string> Vectors()
    {
        var data = new TheoryData<string, string, string, string, bool, string>();
        foreach (var line in File.ReadAllLines(Fixture("quiet-hours-vectors.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var p = line.Split('\t');
            data.Add(p[0], p[1], p[2], p[3], p[4] == "yes", p[5]);
        }
        return data;
    }

    /// <summary>A zone whose clocks jump from 08:00 to 09:00 (UTC+0 → UTC+1) on 2026-03-08: the window start does not exist that day.</summary>
    private static readonly TimeZoneInfo GapAt0800 = TimeZoneInfo.CreateCustomTimeZone("Test/Gap-at-0800", TimeSpan.Zero, "Gap at 08:00", "Gap standard",
        "Gap daylight",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2020, 1, 1), new DateTime(2030, 12, 31), TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 8, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 8, 0, 0), 11, 1, DayOfWeek.Sunday)),
        ]);

    private static TimeZoneInfo Zone(string id) => id == GapAt0800.Id ? GapAt0800 : TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Dst_changes_and_multi_zone_numbers_follow_the_vectors(string label, string instant, string state, string zones, bool allowed, string earliest)
    {
        var at = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var list = zones.Split(',').Select(Zone).ToList();
        var s = state == "-" ? null : state;
        Assert.True(allowed == QuietHours.IsAllowed(at, s, list), $"{label}: IsAllowed should be {allowed}");
        var expected = DateTime.Parse(earliest, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var actual = QuietHours.EarliestAllowed(at, s, list);
        Assert.True(expected == actual, $"{label}: earliest {actual:O}, expected {expected:O}");
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
        Assert.True(QuietHours.IsAllowed(actual, s, list), $"{label}: the earliest time found must itself be allowed");
    }

    [Fact]
    public void An_unspecified_kind_instant_is_read_as_utc_and_returned_as_utc()
    {
        var at = new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Unspecified); // 10:00 in New York
        var earliest = QuietHours.EarliestAllowed(at, null, [Zone("America/New_York")]);
        Assert.Equal(new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Utc), earliest);
        Assert.Equal(DateTimeKind.Utc, earliest.Kind);
    }

    [Fact]
    public void Zones_fall_back_to_the_business_zone_then_utc()
    {
        Assert.Equal(new[] { "America/Chicago", "America/New_York" }, QuietHours.Zones(["America/Chicago", "Not/AZone", "America/New_York"], "America/Denver").Select(z => z.Id));
        Assert.Equal(new[] { "America/Denver" }, QuietHours.Zones([], "America/Denver").Select(z => z.Id));
        Assert.Equal(new[] { "America/Denver" }, QuietHours.Zones(["Not/AZone"], "America/Denver").Select(z => z.Id));
        Assert.Equal(new[] { TimeZoneInfo.Utc.Id }, QuietHours.Zones(["Not/AZone"], "Also/NotAZone").Select(z => z.Id));
    }
    /// <summary>Twelve hours east of UTC, no DST: Florida's 08:00–20:00 here and in UTC never overlap.</summary>
    private static readonly TimeZoneInfo TwelveEast = TimeZoneInfo.CreateCustomTimeZone("Test/UTC+12", TimeSpan.FromHours(12), "UTC+12", "UTC+12");

    [Fact]
    public void Zones_whose_windows_never_meet_get_no_allowed_instant_and_the_search_stops()
    {
        // Florida's 12-hour window in UTC and in UTC+12: 08:00 UTC is 20:00 (closed) twelve hours east, and
        // 08:00 there is 20:00 UTC. Each round moves one day on; a year ahead the search gives up on an
        // instant that is still not allowed, so whoever re-checks it keeps holding the text.
        var at = new DateTime(2026, 12, 2, 20, 0, 0, DateTimeKind.Utc);
        TimeZoneInfo[] zones = [TimeZoneInfo.Utc, TwelveEast];
        var earliest = QuietHours.EarliestAllowed(at, "FL", zones);
        Assert.False(QuietHours.IsAllowed(earliest, "FL", zones));
        Assert.Equal(at.AddDays(QuietHours.HorizonDays), earliest);
        // Federal 13-hour windows in the same two zones do meet: 08:00–09:00 UTC is 20:00–21:00 twelve hours east.
        Assert.Equal(at.Date.AddHours(8), QuietHours.EarliestAllowed(at.Date, null, zones));
    }

    [Fact]
    public void A_send_at_the_window_end_waits_for_the_next_day_and_before_the_start_for_the_same_day()
    {
        // Before the start, at the start, at the end: the next window is today's, now, tomorrow's (never an earlier one).
        var zones = new[] { TimeZoneInfo.Utc };
        Assert.Equal(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), QuietHours.EarliestAllowed(new DateTime(2026, 12, 2, 7, 59, 59, DateTimeKind.Utc), null, zones));
        Assert.Equal(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), QuietHours.EarliestAllowed(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), null, zones));
        Assert.Equal(new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc), QuietHours.EarliestAllowed(new DateTime(2026, 12, 2, 21, 0, 0, DateTimeKind.Utc), null, zones));
        Assert.Equal(new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc), QuietHours.EarliestAllowed(new DateTime(2026, 12, 2, 23, 59, 59, DateTimeKind.Utc), null, zones));
    }
}
