using System.Globalization;
using System.Text.Json;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Every state's texting hours as the research states them (Fixtures/us-state-quiet-hours.json, a copy of
/// ../shared/fixtures): the shipped table matches each row, and the engine holds and releases at the exact minute
/// edges of every row's weekday, Saturday and Sunday window (a closed day allows nothing). Read independently of the
/// app's table: a window moved, made inclusive or left out fails here.
/// </summary>
public sealed class StateTextingHoursTests
{
    private static JsonElement Research() => JsonDocument.Parse(Fixtures.Read("us-state-quiet-hours.json")).RootElement;

    private static (TimeSpan Start, TimeSpan End)? Window(JsonElement w) => w.ValueKind == JsonValueKind.Null
        ? null
        : (TimeSpan.ParseExact(w[0].GetString()!, "hhmm", CultureInfo.InvariantCulture), TimeSpan.ParseExact(w[1].GetString()!, "hhmm", CultureInfo.InvariantCulture));

    /// <summary>Where most of a state's numbers are; December dates, so every zone is on standard time (Mississippi's CST is local time).</summary>
    private static string ZoneOf(string state) => state switch
    {
        "AL" or "AR" or "IL" or "IA" or "KS" or "LA" or "MN" or "MS" or "MO" or "NE" or "ND" or "OK" or "SD" or "TN" or "TX" or "WI" => "America/Chicago",
        "CO" or "ID" or "MT" or "NM" or "UT" or "WY" => "America/Denver",
        "AZ" => "America/Phoenix",
        "CA" or "NV" or "OR" or "WA" => "America/Los_Angeles",
        "AK" => "America/Anchorage",
        "HI" => "Pacific/Honolulu",
        _ => "America/New_York",
    };

    /// <summary>A Wednesday, Saturday and Sunday with no holiday of any state.</summary>
    private static readonly (string Key, DateOnly Date)[] Days = [("weekday", new(2026, 12, 2)), ("saturday", new(2026, 12, 5)), ("sunday", new(2026, 12, 6))];

    /// <summary>Every row applies under Strictest, the voice-only ones included.</summary>
    private static readonly TextingRules Strictest = new(StateRuleTable.Shipped, CompliancePolicy.Strictest, []);

    public static TheoryData<string, string, string, string, bool, string> Edges()
    {
        var data = new TheoryData<string, string, string, string, bool, string>();
        foreach (var row in Research().GetProperty("states").EnumerateArray())
        {
            var state = row.GetProperty("state").GetString()!;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(state));
            DateTime Utc(DateOnly d, TimeSpan t) => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue).Add(t), zone);
            foreach (var (key, date) in Days)
            {
                string At(DateTime utc) => utc.ToString("O", CultureInfo.InvariantCulture);
                if (Window(row.GetProperty(key)) is not { } w)
                {
                    // Closed all day: morning, noon and evening are all held, to the next open day.
                    foreach (var hour in new[] { 8, 12, 19 })
                    {
                        data.Add(state, key, $"closed {hour}:00", At(Utc(date, TimeSpan.FromHours(hour))), false, "");
                    }
                    continue;
                }
                var start = Utc(date, w.Start);
                var end = Utc(date, w.End);
                data.Add(state, key, $"start-1min", At(start.AddMinutes(-1)), false, At(start));
                data.Add(state, key, $"start", At(start), true, At(start));
                data.Add(state, key, $"end-1min", At(end.AddMinutes(-1)), true, At(end.AddMinutes(-1)));
                data.Add(state, key, $"end", At(end), false, "");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Every_state_row_holds_and_releases_at_its_exact_minute_edges(string state, string day, string edge, string instant, bool allowed, string earliest)
    {
        var at = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        TimeZoneInfo[] zones = [TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(state))];
        Assert.True(allowed == Strictest.IsAllowed(at, [state], zones), $"{state} {day} {edge}: allowed should be {allowed}");
        var window = Strictest.EarliestAllowed(at, [state], zones);
        if (earliest.Length > 0)
        {
            Assert.Equal(DateTime.Parse(earliest, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), window.Earliest);
        }
        else
        {
            Assert.True(window.Earliest > at && Strictest.IsAllowed(window.Earliest, [state], zones), $"{state} {day} {edge}: held to an allowed instant");
        }
        Assert.Equal(allowed, window.Explanation is null);
    }

    [Fact]
    public void The_shipped_table_has_every_research_row_with_its_windows_reach_and_citation()
    {
        var research = Research();
        var rows = research.GetProperty("states").EnumerateArray().ToList();
        Assert.Equal(51, rows.Count);
        Assert.Equal(rows.Select(r => r.GetProperty("state").GetString()).Order(), StateRuleTable.Shipped.Rows.Select(r => r.State).Order());
        foreach (var r in rows)
        {
            var state = r.GetProperty("state").GetString()!;
            var row = StateRuleTable.Shipped.Find(state)!;
            Assert.True(Window(r.GetProperty("weekday")) == Pair(row.Weekday), $"{state} weekday");
            Assert.True(Window(r.GetProperty("saturday")) == Pair(row.Saturday), $"{state} saturday");
            Assert.True(Window(r.GetProperty("sunday")) == Pair(row.Sunday), $"{state} sunday");
            var reach = r.GetProperty("coversTexts").GetString() switch { "yes" => RuleReach.Texts, "no" => RuleReach.VoiceOnly, _ => RuleReach.Unclear };
            Assert.Equal(reach, row.Reach);
            Assert.Equal(r.GetProperty("citation").GetString(), row.Citation);
            Assert.Equal(r.GetProperty("sources").EnumerateArray().Select(s => s.GetString()), row.Sources);
            // A row with holidays in the research closes on holidays here (Mississippi's ban ended in 2023: none there).
            Assert.Equal(r.GetProperty("holidays").GetArrayLength() > 0, row.Holidays.Count > 0);
        }
        var federal = research.GetProperty("federal");
        Assert.Equal(Window(federal.GetProperty("window")), Pair(StateRuleTable.Shipped.Federal));
        Assert.Equal(federal.GetProperty("citation").GetString(), StateRuleTable.Shipped.FederalCitation);
    }

    private static (TimeSpan, TimeSpan)? Pair(DayWindow? w) => w is { } x ? (x.Start, x.End) : null;

    [Fact]
    public void Effective_dates_come_from_the_research_and_a_rule_applies_from_its_first_day()
    {
        // Connecticut's 09:00–20:00 reaches texts from 2023-10-01 (Public Act 23-98); the day before, federal hours only.
        var ct = StateRuleTable.Shipped.Find("CT")!;
        Assert.Equal(new DateOnly(2023, 10, 1), ct.EffectiveFrom);
        TimeZoneInfo[] ny = [TimeZoneInfo.FindSystemTimeZoneById("America/New_York")];
        var rules = TextingRules.Default;
        // 08:30 EDT on Saturday 2023-09-30 and on Sunday 2023-10-01.
        Assert.True(rules.IsAllowed(new DateTime(2023, 9, 30, 12, 30, 0, DateTimeKind.Utc), ["CT"], ny));
        Assert.False(rules.IsAllowed(new DateTime(2023, 10, 1, 12, 30, 0, DateTimeKind.Utc), ["CT"], ny));
        Assert.Equal(new DateOnly(2025, 9, 1), StateRuleTable.Shipped.Find("TX")!.EffectiveFrom);
        Assert.Null(StateRuleTable.Shipped.Find("NM")!.EffectiveFrom);
    }
}
