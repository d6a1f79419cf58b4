using System.Collections.Concurrent;
using System.Globalization;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// The texting-hours engine: pure, no I/O. For a person who may be in several states (the contact's state, the
/// number's, their party's) and several zones (every zone of the number), a text may go only when every rule in
/// force allows it in every zone: the federal window, each state's row that the <see cref="CompliancePolicy"/>
/// picks (per-day windows, holidays, effective date, Mississippi's hours also in Central Standard Time) and the
/// Admins' tightenings. <see cref="Anywhere"/> stands for a person whose state is unknown: every row applies.
/// </summary>
public sealed partial class TextingRules
{
    /// <summary>The state of someone whose state is not known: every state's rule applies.</summary>
    public const string Anywhere = "*";

    /// <summary>How far ahead <see cref="EarliestAllowed"/> looks (a year holds every DST season and every holiday).</summary>
    public const int HorizonDays = 366;

    private readonly StateRuleTable _table;
    private readonly Dictionary<string, StateRuleTightening> _tightenings;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Limit>> _limits = new(StringComparer.Ordinal);

    public TextingRules(StateRuleTable table, CompliancePolicy policy, IEnumerable<StateRuleTightening> tightenings)
    {
        _table = table;
        Policy = policy;
        _tightenings = tightenings.ToDictionary(t => t.State.ToUpperInvariant(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The shipped table under the default policy, without tightenings.</summary>
    public static TextingRules Default { get; } = new(StateRuleTable.Shipped, CompliancePolicy.Conservative, []);

    public CompliancePolicy Policy { get; }

    public StateRuleTable Table => _table;

    public IReadOnlyCollection<StateRuleTightening> Tightenings => _tightenings.Values;

    /// <summary>Whether the policy applies this row (federal hours always apply).</summary>
    public bool Applies(StateRule row) => Policy switch
    {
        CompliancePolicy.TextsOnly => row.Reach == RuleReach.Texts,
        CompliancePolicy.Strictest => true,
        _ => row.Reach != RuleReach.VoiceOnly,
    };

    /// <summary>The hours in force in a state on a day of the week, holidays aside: federal, the row if it applies, the tightening; null = closed.</summary>
    public DayWindow? WindowIn(string state, DayOfWeek day)
    {
        DayWindow? window = _table.Federal;
        if (_table.Find(state) is { } row && Applies(row))
        {
            window = Intersect(window, row.WindowOn(day));
        }
        if (_tightenings.TryGetValue(state, out var tightening))
        {
            window = Intersect(window, tightening.WindowOn(day));
        }
        return window;
    }

    private static DayWindow? Intersect(DayWindow? a, DayWindow? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return null;
        }
        var start = x.Start > y.Start ? x.Start : y.Start;
        var end = x.End < y.End ? x.End : y.End;
        return start < end ? new DayWindow(start, end) : null;
    }

    public bool IsAllowed(DateTime utc, IReadOnlyCollection<string> states, IReadOnlyList<TimeZoneInfo> zones)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        foreach (var (limit, zone) in Constraints(states, zones))
        {
            if (!limit.Allows(TimeZoneInfo.ConvertTimeFromUtc(utc, zone)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The first instant at or after <paramref name="notBeforeUtc"/> that every rule allows in every zone, and why
    /// the text waits until then. Each round moves the candidate to the next window start of every rule and zone it
    /// is outside of, until it is inside them all; no move skips an allowed instant. The rule that made the last
    /// move sets the time, so it is the one the explanation names. When the windows never meet it stops at the first
    /// candidate <see cref="HorizonDays"/> or more days ahead, which is not allowed: a caller that re-checks keeps holding.
    /// </summary>
    public SendWindow EarliestAllowed(DateTime notBeforeUtc, IReadOnlyCollection<string> states, IReadOnlyList<TimeZoneInfo> zones)
    {
        var candidate = DateTime.SpecifyKind(notBeforeUtc, DateTimeKind.Utc);
        var giveUp = candidate.AddDays(HorizonDays);
        var constraints = Constraints(states, zones);
        (Limit Limit, TimeZoneInfo Zone)? binding = null;
        var closures = new Dictionary<(Limit, TimeZoneInfo), List<string>>();
        var moved = true;
        while (moved && candidate < giveUp)
        {
            moved = false;
            foreach (var (limit, zone) in constraints)
            {
                var local = TimeZoneInfo.ConvertTimeFromUtc(candidate, zone);
                if (limit.Allows(local))
                {
                    continue;
                }
                if (!closures.TryGetValue((limit, zone), out var closed))
                {
                    closures[(limit, zone)] = closed = [];
                }
                candidate = limit.NextStart(local, zone, closed, giveUp);
                binding = (limit, zone);
                moved = true;
            }
        }
        if (binding is not { } b || candidate == DateTime.SpecifyKind(notBeforeUtc, DateTimeKind.Utc))
        {
            return new SendWindow(candidate, null);
        }
        if (candidate >= giveUp)
        {
            // E.g. a toll-free number (any zone from Guam to the Atlantic) of someone whose state is unknown.
            return new SendWindow(candidate, new HoldExplanation("noCommonHour",
                "Held: no hour is allowed in every time zone this number may be in under every rule that may apply (give the contact a state to narrow it)"));
        }
        return new SendWindow(candidate, Explain(candidate, notBeforeUtc, b.Limit, b.Zone, closures[(b.Limit, b.Zone)], zones));
    }

    /// <summary>Every (rule, zone) pair a text to these places must satisfy; memoised per set of states.</summary>
    private List<(Limit Limit, TimeZoneInfo Zone)> Constraints(IReadOnlyCollection<string> states, IReadOnlyList<TimeZoneInfo> zones)
    {
        var limits = LimitsFor(states);
        var pairs = new List<(Limit, TimeZoneInfo)>(limits.Count * zones.Count);
        foreach (var limit in limits)
        {
            if (limit.FixedZone is { } fixedZone)
            {
                pairs.Add((limit, fixedZone));
                continue;
            }
            foreach (var zone in zones)
            {
                pairs.Add((limit, zone));
            }
        }
        return pairs;
    }

    private IReadOnlyList<Limit> LimitsFor(IReadOnlyCollection<string> states)
    {
        var key = string.Join(',', states.Select(s => s.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal));
        return _limits.GetOrAdd(key, _ =>
        {
            var codes = states.Any(s => s == Anywhere)
                ? _table.Rows.Select(r => r.State).Concat(_tightenings.Keys)
                : states.Select(s => s.ToUpperInvariant());
            var limits = new List<Limit> { Limit.Federal(_table) };
            foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            {
                if (_table.Find(code) is { } row && Applies(row))
                {
                    limits.Add(Limit.Row(row, fixedZone: null));
                    if (row.AlsoAtUtcOffset is { } offset)
                    {
                        limits.Add(Limit.Row(row, FixedOffsetZone(offset)));
                    }
                }
                if (_tightenings.TryGetValue(code, out var tightening))
                {
                    limits.Add(Limit.Tightened(tightening, _table.Find(code)?.Name ?? code));
                }
            }
            return limits;
        });
    }

    private static readonly ConcurrentDictionary<TimeSpan, TimeZoneInfo> FixedZones = new();

    private static TimeZoneInfo FixedOffsetZone(TimeSpan offset) => FixedZones.GetOrAdd(offset, o =>
        TimeZoneInfo.CreateCustomTimeZone($"UTC{(o < TimeSpan.Zero ? "-" : "+")}{o:hh\\:mm}", o,
            o == TimeSpan.FromHours(-6) ? "CST" : $"UTC{(o < TimeSpan.Zero ? "−" : "+")}{o:h\\:mm}", "Standard time"));

    private static string Describe(DateTime local, DateTime fromLocal)
    {
        var day = (local.Date - fromLocal.Date).TotalDays is >= 0 and < 7
            ? local.ToString("dddd", CultureInfo.InvariantCulture)
            : local.ToString("dddd, MMM d", CultureInfo.InvariantCulture);
        return $"{day} {local:HH:mm}";
    }

    /// <summary>Short US zone names as people say them ("CT"); anything else by its offset.</summary>
    public static string ZoneLabel(TimeZoneInfo zone, DateTime utc)
    {
        var id = zone.Id;
        if (zone.DisplayName == "CST")
        {
            return "CST";
        }
        string? name = id switch
        {
            "America/New_York" or "America/Detroit" or "America/Toronto" or "America/Kentucky/Louisville" or "America/Kentucky/Monticello" => "ET",
            "America/Chicago" or "America/Menominee" or "America/Winnipeg" => "CT",
            "America/Denver" or "America/Boise" or "America/Phoenix" or "America/Edmonton" => "MT",
            "America/Los_Angeles" or "America/Vancouver" => "PT",
            "America/Anchorage" or "America/Juneau" or "America/Sitka" or "America/Nome" or "America/Yakutat" or "America/Metlakatla" => "AKT",
            "Pacific/Honolulu" or "America/Adak" => "HT",
            _ when id.StartsWith("America/Indiana/", StringComparison.Ordinal) => id is "America/Indiana/Knox" or "America/Indiana/Tell_City" ? "CT" : "ET",
            _ when id.StartsWith("America/North_Dakota/", StringComparison.Ordinal) => "CT",
            _ => null,
        };
        if (name is not null)
        {
            return name;
        }
        var offset = zone.GetUtcOffset(utc);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset:h\\:mm}";
    }

    private static HoldExplanation Explain(DateTime untilUtc, DateTime notBeforeUtc, Limit limit, TimeZoneInfo zone, List<string> closed, IReadOnlyList<TimeZoneInfo> zones)
    {
        // A fixed-offset reading (Mississippi's CST) is shown in the person's own zone.
        var shownZone = limit.FixedZone is null ? zone : zones[0];
        var local = TimeZoneInfo.ConvertTimeFromUtc(untilUtc, shownZone);
        var from = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(notBeforeUtc, DateTimeKind.Utc), shownZone);
        var ruleLocal = TimeZoneInfo.ConvertTimeFromUtc(untilUtc, zone);
        var (allows, dayKey) = limit.Allowing(DateOnly.FromDateTime(ruleLocal), closed);
        return new HoldExplanation($"{limit.Key}:{dayKey}", $"Held until {Describe(local, from)} {ZoneLabel(shownZone, untilUtc)} — {allows}");
    }
}
